package link

import "flag"

var sweep = flag.Bool("sweep", false, "run the ECB+ parameter sweep")

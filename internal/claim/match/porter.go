package match

// The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping",
// Program 14(3), 1980), after the author's reference C implementation.
// It works in place on a lower-case ASCII word and never lengthens it.

type porter struct {
	b    []byte
	k, j int
}

// stem stems the lower-case ASCII word w in place and returns the stem,
// a prefix of w's storage.
func stem(w []byte) []byte {
	if len(w) <= 2 {
		return w
	}
	z := porter{b: w, k: len(w) - 1}
	z.step1ab()
	if z.k > 0 {
		z.step1c()
		z.step2()
		z.step3()
		z.step4()
		z.step5()
	}
	return z.b[:z.k+1]
}

func (z *porter) cons(i int) bool {
	switch z.b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		if i == 0 {
			return true
		}
		return !z.cons(i - 1)
	}
	return true
}

// m counts the consonant-vowel sequences in b[0..j].
func (z *porter) m() int {
	n, i := 0, 0
	for {
		if i > z.j {
			return n
		}
		if !z.cons(i) {
			break
		}
		i++
	}
	i++
	for {
		for {
			if i > z.j {
				return n
			}
			if z.cons(i) {
				break
			}
			i++
		}
		i++
		n++
		for {
			if i > z.j {
				return n
			}
			if !z.cons(i) {
				break
			}
			i++
		}
		i++
	}
}

func (z *porter) vowelInStem() bool {
	for i := 0; i <= z.j; i++ {
		if !z.cons(i) {
			return true
		}
	}
	return false
}

func (z *porter) doublec(j int) bool {
	if j < 1 || z.b[j] != z.b[j-1] {
		return false
	}
	return z.cons(j)
}

func (z *porter) cvc(i int) bool {
	if i < 2 || !z.cons(i) || z.cons(i-1) || !z.cons(i-2) {
		return false
	}
	switch z.b[i] {
	case 'w', 'x', 'y':
		return false
	}
	return true
}

func (z *porter) ends(s string) bool {
	l := len(s)
	if l > z.k+1 {
		return false
	}
	if string(z.b[z.k-l+1:z.k+1]) != s {
		return false
	}
	z.j = z.k - l
	return true
}

func (z *porter) setto(s string) {
	copy(z.b[z.j+1:], s)
	z.k = z.j + len(s)
}

func (z *porter) r(s string) {
	if z.m() > 0 {
		z.setto(s)
	}
}

func (z *porter) step1ab() {
	if z.b[z.k] == 's' {
		switch {
		case z.ends("sses"):
			z.k -= 2
		case z.ends("ies"):
			z.setto("i")
		case z.b[z.k-1] != 's':
			z.k--
		}
	}
	if z.ends("eed") {
		if z.m() > 0 {
			z.k--
		}
	} else if (z.ends("ed") || z.ends("ing")) && z.vowelInStem() {
		z.k = z.j
		switch {
		case z.ends("at"):
			z.setto("ate")
		case z.ends("bl"):
			z.setto("ble")
		case z.ends("iz"):
			z.setto("ize")
		case z.doublec(z.k):
			z.k--
			switch z.b[z.k] {
			case 'l', 's', 'z':
				z.k++
			}
		default:
			if z.m() == 1 && z.cvc(z.k) {
				z.setto("e")
			}
		}
	}
}

func (z *porter) step1c() {
	if z.ends("y") && z.vowelInStem() {
		z.b[z.k] = 'i'
	}
}

// rules tries each suffix -> replacement pair in turn and applies the
// first that matches.
func (z *porter) rules(pairs ...string) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if z.ends(pairs[i]) {
			z.r(pairs[i+1])
			return
		}
	}
}

func (z *porter) step2() {
	switch z.b[z.k-1] {
	case 'a':
		z.rules("ational", "ate", "tional", "tion")
	case 'c':
		z.rules("enci", "ence", "anci", "ance")
	case 'e':
		z.rules("izer", "ize")
	case 'l':
		z.rules("bli", "ble", "alli", "al", "entli", "ent", "eli", "e", "ousli", "ous")
	case 'o':
		z.rules("ization", "ize", "ation", "ate", "ator", "ate")
	case 's':
		z.rules("alism", "al", "iveness", "ive", "fulness", "ful", "ousness", "ous")
	case 't':
		z.rules("aliti", "al", "iviti", "ive", "biliti", "ble")
	case 'g':
		z.rules("logi", "log")
	}
}

func (z *porter) step3() {
	switch z.b[z.k] {
	case 'e':
		z.rules("icate", "ic", "ative", "", "alize", "al")
	case 'i':
		z.rules("iciti", "ic")
	case 'l':
		z.rules("ical", "ic", "ful", "")
	case 's':
		z.rules("ness", "")
	}
}

func (z *porter) step4() {
	switch z.b[z.k-1] {
	case 'a':
		if !z.ends("al") {
			return
		}
	case 'c':
		if !z.ends("ance") && !z.ends("ence") {
			return
		}
	case 'e':
		if !z.ends("er") {
			return
		}
	case 'i':
		if !z.ends("ic") {
			return
		}
	case 'l':
		if !z.ends("able") && !z.ends("ible") {
			return
		}
	case 'n':
		if !z.ends("ant") && !z.ends("ement") && !z.ends("ment") && !z.ends("ent") {
			return
		}
	case 'o':
		if z.ends("ion") && z.j >= 0 && (z.b[z.j] == 's' || z.b[z.j] == 't') {
			break
		}
		if !z.ends("ou") {
			return
		}
	case 's':
		if !z.ends("ism") {
			return
		}
	case 't':
		if !z.ends("ate") && !z.ends("iti") {
			return
		}
	case 'u':
		if !z.ends("ous") {
			return
		}
	case 'v':
		if !z.ends("ive") {
			return
		}
	case 'z':
		if !z.ends("ize") {
			return
		}
	default:
		return
	}
	if z.m() > 1 {
		z.k = z.j
	}
}

func (z *porter) step5() {
	z.j = z.k
	if z.b[z.k] == 'e' {
		a := z.m()
		if a > 1 || a == 1 && !z.cvc(z.k-1) {
			z.k--
		}
	}
	if z.b[z.k] == 'l' && z.doublec(z.k) && z.m() > 1 {
		z.k--
	}
}

package entity

import (
	"strings"
	"sync"
)

// builtinAliases is the alias table sift ships, written for this project:
// one entity per line, "TYPE: Canonical | alias | alias", in the user
// alias file format. It covers the people, groups, places and outlets of
// the Syrian war coverage sift was built for; spelling variants that Key
// folds already (diacritics, apostrophes, "al-", Sergei/Sergey) need no
// line of their own.
const builtinAliases = `
PERSON: Sergey Lavrov | Lavrov | Sergei Lavrov | Sergej Lawrow
PERSON: Vladimir Putin | Putin | Vladimir Vladimirovich Putin
PERSON: Dmitry Peskov | Peskov
PERSON: Maria Zakharova | Zakharova | Mariya Zakharova
PERSON: Sergey Shoigu | Shoigu | Sergei Shoygu | Shoygu
PERSON: Valery Gerasimov | Gerasimov
PERSON: Igor Konashenkov | Konashenkov
PERSON: Vassily Nebenzia | Nebenzia | Vasily Nebenzya | Nebenzya
PERSON: Sergey Ryabkov | Ryabkov
PERSON: Alexander Lavrentiev | Lavrentiev | Alexander Lavrentyev | Lavrentyev
PERSON: Dmitry Medvedev | Medvedev
PERSON: Bashar al-Assad | Assad | Bashar Assad | President Assad
PERSON: Walid al-Moallem | Walid Muallem | Walid al-Muallem | Moallem | Muallem | Walid Moualem
PERSON: Faisal Mekdad | Mekdad | Faisal al-Miqdad | Miqdad
PERSON: Bashar al-Jaafari | Jaafari | Bashar Ja'afari
PERSON: Abu Mohammad al-Julani | al-Julani | Julani | Jolani | Abu Mohammed al-Jolani | Abu Muhammad al-Jawlani | Jawlani | Abu Mohammad al-Golani | Golani
PERSON: Abu Bakr al-Baghdadi | Baghdadi
PERSON: Ayman al-Zawahiri | Zawahiri
PERSON: Recep Tayyip Erdogan | Erdogan | Tayyip Erdogan | Erdoghan
PERSON: Mevlut Cavusoglu | Cavusoglu | Mevlut Chavushoglu
PERSON: Hulusi Akar | Akar
PERSON: Ibrahim Kalin | Kalin
PERSON: Hassan Rouhani | Rouhani | Rohani | Hasan Rouhani
PERSON: Mohammad Javad Zarif | Javad Zarif | Zarif
PERSON: Ali Khamenei | Khamenei | Ayatollah Khamenei
PERSON: Qassem Soleimani | Soleimani | Qasem Soleimani | Suleimani
PERSON: Hassan Nasrallah | Nasrallah
PERSON: Benjamin Netanyahu | Netanyahu | Bibi Netanyahu
PERSON: Donald Trump | Trump | Donald J. Trump
PERSON: Barack Obama | Obama
PERSON: Mike Pompeo | Pompeo
PERSON: John Bolton | Bolton
PERSON: James Mattis | Mattis | Jim Mattis
PERSON: Joseph Dunford | Dunford | Joe Dunford
PERSON: Nikki Haley | Haley
PERSON: James Jeffrey | Jim Jeffrey
PERSON: Heather Nauert | Nauert
PERSON: Emmanuel Macron | Macron
PERSON: Angela Merkel | Merkel
PERSON: Theresa May
PERSON: Antonio Guterres | Guterres
PERSON: Staffan de Mistura | de Mistura | De Mistura
PERSON: Geir Pedersen | Pedersen
PERSON: Jens Stoltenberg | Stoltenberg
PERSON: Federica Mogherini | Mogherini
PERSON: Raed Saleh
PERSON: Rami Abdel Rahman | Rami Abdulrahman | Rami Abdurrahman
PERSON: Mazloum Abdi | Mazloum Kobani | Mazlum Abdi
ORG: Hayat Tahrir al-Sham | HTS | Hay'at Tahrir al-Sham | Tahrir al-Sham | Hayat Tahrir ash-Sham | Hayat Tahrir al-Sham terrorist group | Hay'et Tahrir al-Sham | Tahrir al Sham | HTSh | Hayaat Tahrir al-Sham
ORG: Jabhat al-Nusra | al-Nusra | Nusra | Nusra Front | al-Nusra Front | Jabhat an-Nusra | Jebhat al-Nusra | Al-Nusra Front | Jabhat al-Nusrah | Nusrah Front | al-Nusrah
ORG: Jabhat Fateh al-Sham | Jabhat Fatah al-Sham | JFS | Fateh al-Sham | Fatah al-Sham
ORG: Al-Qaeda | al-Qaeda | Al Qaeda | al-Qaida | Al-Qaida | Al Qaida | Qaeda | Alqaeda
ORG: Islamic State | ISIS | ISIL | IS | Daesh | Da'esh | Daish | Islamic State of Iraq and the Levant | Islamic State of Iraq and Syria | ISIS terrorists | Islamic State group
ORG: Free Syrian Army | FSA
ORG: Syrian National Army | SNA | Turkish-backed Syrian National Army
ORG: National Liberation Front | NLF | National Front for Liberation | National Front for the Liberation of Syria
ORG: Syrian Democratic Forces | SDF
ORG: People's Protection Units | YPG | People's Defense Units | Kurdish People's Protection Units
ORG: Ahrar al-Sham | Ahrar ash-Sham | Harakat Ahrar al-Sham
ORG: Jaysh al-Islam | Jaish al-Islam | Army of Islam
ORG: Nour al-Din al-Zenki | Nour al-Din al-Zinki | Zenki | Zinki | Harakat Nour al-Din al-Zenki | Nureddin al-Zenki
ORG: Hurras al-Din | Hurras ad-Din | Guardians of Religion | Tanzim Hurras al-Din
ORG: Turkistan Islamic Party | TIP | Turkestan Islamic Party
ORG: Hezbollah | Hizbollah | Hizballah | Hizbullah
ORG: Kurdistan Workers' Party | PKK
ORG: Islamic Revolutionary Guard Corps | IRGC | Revolutionary Guards | Revolutionary Guard | Iranian Revolutionary Guard Corps
ORG: White Helmets | Syria Civil Defence | Syrian Civil Defence | Syria Civil Defense | Syrian Civil Defense
ORG: Syrian Observatory for Human Rights | SOHR | Syrian Observatory
ORG: Syrian Arab Army | SAA | Syrian Army | Syrian army | Syrian government forces
ORG: United Nations | UN | U.N. | the United Nations
ORG: UN Security Council | Security Council | UNSC | United Nations Security Council | U.N. Security Council
ORG: North Atlantic Treaty Organization | NATO | North Atlantic Treaty Organisation
ORG: European Union | EU | E.U.
ORG: Organisation for the Prohibition of Chemical Weapons | OPCW | Organization for the Prohibition of Chemical Weapons
ORG: Russian Ministry of Defence | Russian Defense Ministry | Russian Defence Ministry | Russian Ministry of Defense | Russian MoD | Russia's Defense Ministry | Russia's Defence Ministry | Ministry of Defense of the Russian Federation
ORG: Russian Foreign Ministry | Russia's Foreign Ministry | Russian Ministry of Foreign Affairs | Ministry of Foreign Affairs of the Russian Federation | Russian MFA
ORG: US State Department | State Department | U.S. State Department | Department of State | US Department of State
ORG: Pentagon | US Department of Defense | Department of Defense | U.S. Department of Defense | US Defense Department | DoD
# Companies and platforms of 2020s news, named without a word that says so
# ("Tesla chief executive", "on TikTok"): the tagger learnt 1996 news.
ORG: Alphabet | Alphabet Inc
ORG: Google
ORG: YouTube
ORG: Meta | Meta Platforms
ORG: Facebook
ORG: Instagram
ORG: WhatsApp
ORG: TikTok
ORG: ByteDance
ORG: Snapchat
ORG: Pinterest
ORG: Reddit
ORG: LinkedIn
ORG: Telegram
ORG: Twitch
ORG: Netflix
ORG: Spotify
ORG: Disney | Walt Disney Co | Walt Disney Company
ORG: Microsoft
ORG: Apple | Apple Inc
ORG: Nvidia
ORG: Intel
ORG: AMD | Advanced Micro Devices
ORG: Qualcomm
ORG: MediaTek
ORG: TSMC | Taiwan Semiconductor Manufacturing Company
ORG: Samsung | Samsung Electronics
ORG: Huawei
ORG: Xiaomi
ORG: Lenovo
ORG: Sony
ORG: Nintendo
ORG: Tencent
ORG: Alibaba
ORG: Baidu
ORG: Nokia
ORG: Ericsson
ORG: OpenAI
ORG: Anthropic
ORG: DeepMind | Google DeepMind
ORG: IBM
ORG: Oracle
ORG: Salesforce
ORG: Adobe
ORG: Cisco
ORG: Uber
ORG: Lyft
ORG: Airbnb
ORG: PayPal
ORG: Shopify
ORG: eBay
ORG: Tesla
ORG: BYD
ORG: Toyota
ORG: Volkswagen
ORG: Stellantis
ORG: SpaceX
ORG: Boeing
ORG: Airbus
ORG: Ryanair
ORG: easyJet
ORG: Lufthansa
ORG: Pfizer
ORG: Moderna
ORG: BioNTech
ORG: AstraZeneca
ORG: Novartis
ORG: Sanofi
ORG: GSK | GlaxoSmithKline
ORG: Novo Nordisk
ORG: Eli Lilly
ORG: Goldman Sachs
ORG: JPMorgan | JPMorgan Chase | JP Morgan
ORG: Morgan Stanley
ORG: Citigroup
ORG: Barclays
ORG: HSBC
ORG: BlackRock
ORG: Berkshire Hathaway
ORG: Mastercard
ORG: Binance
ORG: Coinbase
ORG: Walmart
ORG: Costco
ORG: Tesco
ORG: Ikea | IKEA
ORG: Nestle
ORG: Unilever
ORG: Starbucks
ORG: PepsiCo
ORG: Coca-Cola
ORG: Saudi Aramco | Aramco
ORG: Glencore
ORG: Siemens
ORG: Foxconn
ORG: Evergrande
# Seats of power named by their building are places, as in CoNLL-2003.
LOC: Kremlin | the Kremlin
LOC: White House | the White House
ORG: Russian Centre for Reconciliation | Russian Reconciliation Center | Russian Center for Reconciliation | Center for the Reconciliation of Opposing Sides | Russian Centre for Reconciliation of Opposing Sides | Reconciliation Center
ORG: TASS | ITAR-TASS | Tass
ORG: RIA Novosti | RIA | RIA-Novosti | RIA News
ORG: Sputnik | Sputnik News | Sputnik International | Sputnik Arabic
ORG: RT | Russia Today | RT News | RT Arabic
ORG: Interfax
ORG: PressTV | Press TV | Press-TV
ORG: Anadolu Agency | Anadolu | AA | Anadolu News Agency
ORG: Syrian Arab News Agency | SANA
ORG: Al-Watan | Al Watan | Al-Watan newspaper
ORG: Al-Masdar News | Al-Masdar | AMN | Al Masdar News
ORG: Al-Mayadeen | Al Mayadeen | Mayadeen
ORG: Al-Manar | Al Manar
ORG: Al Jazeera | Al-Jazeera | Aljazeera
ORG: Al Arabiya | Al-Arabiya
ORG: Reuters | Thomson Reuters
ORG: Agence France-Presse | AFP | Agence France Presse
ORG: Associated Press | AP | The Associated Press
ORG: Fars News Agency | Fars | Fars News
ORG: Tasnim News Agency | Tasnim
ORG: Islamic Republic News Agency | IRNA
ORG: TRT World | TRT
ORG: Deutsche Welle | DW
ORG: BBC | British Broadcasting Corporation | BBC News
LOC: Russia | Russian Federation | the Russian Federation | RF
LOC: United States | US | U.S. | USA | U.S.A. | United States of America | the United States | the US
LOC: United Kingdom | UK | U.K. | Britain | Great Britain | the United Kingdom
LOC: Syria | Syrian Arab Republic | the Syrian Arab Republic | SAR
LOC: Turkey | Turkiye | Republic of Turkey
LOC: Iran | Islamic Republic of Iran | Persia
LOC: Saudi Arabia | KSA | Kingdom of Saudi Arabia
LOC: United Arab Emirates | UAE | U.A.E.
LOC: Idlib | Idleb | Idlib province | Idlib governorate | Idleb province
LOC: Aleppo | Halab | Aleppo city
LOC: Deir ez-Zor | Deir ez-Zour | Deir al-Zour | Deir Ezzor | Deir el-Zour | Deir Ez Zor | Dayr az-Zawr | Deir Ezzour
LOC: Raqqa | Raqqah | Ar-Raqqah | Al-Raqqa | Rakka
LOC: Eastern Ghouta | East Ghouta | Ghouta
LOC: Khan Shaykhun | Khan Sheikhoun | Khan Sheikhun | Khan Shaikhoun
LOC: Jisr al-Shughur | Jisr ash-Shughur | Jisr al-Shaghour | Jisr Al-Shugur
LOC: Maarat al-Numan | Ma'arrat al-Nu'man | Maarat al-Nouman | Maarat Al-Numan | Maaret al-Numan
LOC: Hmeimim | Khmeimim | Hmeymim | Hmeimim air base | Khmeimim air base | Hmeimim airbase
LOC: Manbij | Menbij | Manbej
LOC: Kobani | Kobane | Ayn al-Arab | Ain al-Arab
LOC: Afrin | Efrin
LOC: Al-Tanf | Tanf | At-Tanf
LOC: Kiev | Kyiv
LOC: Moscow
LOC: Damascus
LOC: Ankara
LOC: Tehran | Teheran
`

var (
	builtinOnce  sync.Once
	builtinTable *Table
)

// Builtin returns the built-in alias table. Callers must not change it;
// Clone it first.
func Builtin() *Table {
	builtinOnce.Do(func() {
		t := NewTable()
		if err := t.ReadAliases(strings.NewReader(builtinAliases)); err != nil {
			panic("entity: built-in aliases: " + err.Error())
		}
		builtinTable = t
	})
	return builtinTable
}

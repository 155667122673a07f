package phone

import (
	"math/bits"
)

// The Indonesian rules below are a transcription of libphonenumber's
// metadata for region ID (resources/PhoneNumberMetadata.xml, territory "ID",
// the copy in shared/testdata/peers/phonenumbers-ID). Each rule is a prefix
// of the national significant number (NSN, the number without 62 or the
// trunk 0) and the NSN lengths that are valid with it. A test compares them
// with phonenumbers for every four-digit prefix and every length, so a
// metadata update that changes the ranges makes the test fail.

// kind codes used in the table, to keep an entry at eight bytes.
const (
	kNone uint8 = iota
	kMobile
	kLandline
	kOther
)

var kindOfCode = [...]Kind{kNone: KindNone, kMobile: KindMobile, kLandline: KindLandline, kOther: KindOther}

type idRule struct {
	pattern  string // digits and [..] classes, e.g. "8[1-35-9]"
	min, max int    // valid NSN lengths
	kind     uint8
}

var idRules = [...]idRule{
	// mobile: 8[1-35-9]\d{7,10}
	{"8[1-35-9]", 9, 12, kMobile},

	// tollFree: 00(?:1803\d{5,11}|7803\d{7})|(?:177\d|800)\d{5,7}
	{"001803", 11, 17, kOther},
	{"007803", 13, 13, kOther},
	{"177", 9, 11, kOther},
	{"800", 8, 10, kOther},
	// premiumRate: 809\d{7}; sharedCost: 804\d{7}; uan: (?:1500|8071\d{3})\d{3}
	{"809", 10, 10, kOther},
	{"804", 10, 10, kOther},
	{"1500", 7, 7, kOther},
	{"8071", 10, 10, kOther},

	// fixedLine, in the order of its nationalNumberPattern:
	// 2[124]\d{7,8} | 619\d{8} | 2(?:1(?:14|500)|2\d{3})\d{3} | 61\d{5,8} | <area>\d{5,8}
	{"2[124]", 9, 10, kLandline},
	{"619", 11, 11, kLandline},
	{"2114", 7, 7, kLandline},
	{"21500", 8, 8, kLandline},
	{"22", 8, 8, kLandline},
	{"61", 7, 10, kLandline},
	// Area codes followed by \d{5,8}. "31" (Surabaya) has two digits, so its
	// numbers are one digit shorter; the others have three.
	{"31", 7, 10, kLandline},
	{"2[35][1-4]", 8, 11, kLandline},
	{"26[0-8]", 8, 11, kLandline},
	{"27[1-6]", 8, 11, kLandline},
	{"28", 8, 11, kLandline},
	{"29[1-8]", 8, 11, kLandline},
	{"3[25][1-8]", 8, 11, kLandline},
	{"33[1-68]", 8, 11, kLandline},
	{"34[1-3]", 8, 11, kLandline},
	{"36[1-3568]", 8, 11, kLandline},
	{"37[0-469]", 8, 11, kLandline},
	{"38", 8, 11, kLandline},
	{"40[1-589]", 8, 11, kLandline},
	{"41[01347-9]", 8, 11, kLandline},
	{"42[0-36-8]", 8, 11, kLandline},
	{"43[0-24-68]", 8, 11, kLandline},
	{"443", 8, 11, kLandline},
	{"45[1-378]", 8, 11, kLandline},
	{"46[1-5]", 8, 11, kLandline},
	{"47[134]", 8, 11, kLandline},
	{"48[1245]", 8, 11, kLandline},
	{"51[1-35-9]", 8, 11, kLandline},
	{"52[25-8]", 8, 11, kLandline},
	{"53[124-9]", 8, 11, kLandline},
	{"54[1-3589]", 8, 11, kLandline},
	{"55[1-46]", 8, 11, kLandline},
	{"56[1-8]", 8, 11, kLandline},
	{"6[25]", 8, 11, kLandline},
	{"63[1-69]", 8, 11, kLandline},
	{"64[1-6]", 8, 11, kLandline},
	{"702", 8, 11, kLandline},
	{"7[125][1-9]", 8, 11, kLandline},
	{"7[36]", 8, 11, kLandline},
	{"74[1-8]", 8, 11, kLandline},
	{"77[0-36-9]", 8, 11, kLandline},
	{"90[12]", 8, 11, kLandline},
	{"91[013-8]", 8, 11, kLandline},
	{"92[0-479]", 8, 11, kLandline},
	{"95[125-8]", 8, 11, kLandline},
	{"96[23679]", 8, 11, kLandline},
	{"97[159]", 8, 11, kLandline},
	{"98[01346]", 8, 11, kLandline},
}

// idEntry says which NSN lengths are valid for a three-digit prefix. The
// table is indexed by those three digits, so validating a number is one
// lookup and a bit test.
type idEntry struct {
	lens uint32 // bit n set: an NSN of n digits is valid
	kind uint8
	ext  bool // a rule in idExt has a longer prefix starting with these digits
}

// longRule is a rule whose prefix is longer than three digits.
type longRule struct {
	prefix string
	lens   uint32
	kind   uint8
}

var (
	idTable [1000]idEntry
	idExt   []longRule
)

func init() {
	for _, r := range idRules {
		addIDRule(r)
	}
}

// addIDRule expands one rule into the table. It panics on a rule the table
// cannot express, which only a wrong edit of idRules can cause.
func addIDRule(r idRule) {
	classes := parseDigitPattern(r.pattern)
	lens := uint32(0)
	for n := r.min; n <= r.max; n++ {
		lens |= 1 << n
	}
	if len(classes) > 3 {
		prefix := make([]byte, len(classes))
		for i, c := range classes {
			if bits.OnesCount16(c) != 1 {
				panic("phone: long ID rule must be literal digits: " + r.pattern)
			}
			prefix[i] = '0' + byte(bits.TrailingZeros16(c))
		}
		idExt = append(idExt, longRule{string(prefix), lens, r.kind})
		idTable[int(prefix[0]-'0')*100+int(prefix[1]-'0')*10+int(prefix[2]-'0')].ext = true
		return
	}
	for len(classes) < 3 {
		classes = append(classes, 0x3FF)
	}
	for a := 0; a < 10; a++ {
		for b := 0; b < 10; b++ {
			for c := 0; c < 10; c++ {
				if classes[0]&(1<<a) == 0 || classes[1]&(1<<b) == 0 || classes[2]&(1<<c) == 0 {
					continue
				}
				e := &idTable[a*100+b*10+c]
				if e.kind != kNone && e.kind != r.kind {
					panic("phone: ID rules give two kinds to one prefix: " + r.pattern)
				}
				e.kind = r.kind
				e.lens |= lens
			}
		}
	}
}

// parseDigitPattern turns "8[1-35-9]" into one bit set of digits per position.
func parseDigitPattern(p string) []uint16 {
	var out []uint16
	for i := 0; i < len(p); i++ {
		if p[i] != '[' {
			out = append(out, 1<<(p[i]-'0'))
			continue
		}
		var set uint16
		for i++; p[i] != ']'; i++ {
			lo := p[i]
			hi := lo
			if p[i+1] == '-' {
				hi = p[i+2]
				i += 2
			}
			for d := lo; d <= hi; d++ {
				set |= 1 << (d - '0')
			}
		}
		out = append(out, set)
	}
	return out
}

// classifyID returns the kind of a valid Indonesian NSN, or the reason it is
// invalid.
func classifyID(nsn []byte) (Kind, reasonSet) {
	n := len(nsn)
	var mask uint32 // every length valid for a rule this NSN's prefix fits
	if n >= 3 {
		e := &idTable[int(nsn[0]-'0')*100+int(nsn[1]-'0')*10+int(nsn[2]-'0')]
		if e.lens&(1<<n) != 0 {
			return kindOfCode[e.kind], 0
		}
		mask = e.lens
		if e.ext {
			for _, r := range idExt {
				if !prefixFits(nsn, r.prefix) {
					continue
				}
				if r.lens&(1<<n) != 0 && n >= len(r.prefix) {
					return kindOfCode[r.kind], 0
				}
				mask |= r.lens
			}
		}
	} else {
		// Too few digits to look up: collect every rule they could begin.
		for k := range idTable {
			if prefixFitsKey(nsn, k) {
				mask |= idTable[k].lens
			}
		}
		for _, r := range idExt {
			if prefixFits(nsn, r.prefix) {
				mask |= r.lens
			}
		}
	}
	return KindNone, idFailure(nsn, mask)
}

// prefixFits reports whether nsn starts with prefix or, when nsn is
// shorter, whether prefix starts with nsn.
func prefixFits(nsn []byte, prefix string) bool {
	m := min(len(nsn), len(prefix))
	return string(nsn[:m]) == prefix[:m]
}

// prefixFitsKey reports whether the first digits of the three-digit table
// key k are nsn, which has fewer than three digits.
func prefixFitsKey(nsn []byte, k int) bool {
	key := [3]byte{byte('0' + k/100), byte('0' + k/10%10), byte('0' + k%10)}
	return string(nsn) == string(key[:len(nsn)])
}

// minIDLength is the length of the shortest valid Indonesian NSN. Below it
// "too short" is the most useful thing to say, whatever the prefix.
const minIDLength = 7

// idFailure explains why nsn is invalid, given mask, the lengths valid for
// the rules its prefix fits.
func idFailure(nsn []byte, mask uint32) reasonSet {
	n := len(nsn)
	if isServiceID(nsn) {
		return rService
	}
	if n < minIDLength {
		return rTooShort
	}
	if mask == 0 {
		if n > 0 && nsn[0] >= '2' && nsn[0] <= '9' && nsn[0] != '8' {
			return rUnknownArea
		}
		return rInvalidNumber
	}
	switch {
	case n < bits.TrailingZeros32(mask):
		return rTooShort
	case n > 31-bits.LeadingZeros32(mask):
		return rTooLong
	}
	return rInvalidNumber
}

// isServiceID reports whether digits, as dialled inside Indonesia, are a
// short service number: every three-digit 1xx number (110 police, 112
// emergency, 108 directory, 147 Telkom …) and the short codes of
// libphonenumber's ShortNumberMetadata for ID (140xx, 150264, 714xx, 898xx).
func isServiceID(d []byte) bool {
	switch len(d) {
	case 3:
		return d[0] == '1'
	case 5:
		p := string(d[:3])
		return p == "140" || p == "714" || p == "898"
	case 6:
		return string(d) == "150264"
	}
	return false
}

// setID validates an Indonesian NSN and, when it is valid, stores 62 + nsn
// as the canonical number.
func setID(nsn []byte, o *outcome) {
	kind, fail := classifyID(nsn)
	if fail != 0 {
		o.fail(fail)
		return
	}
	o.status = StatusValid
	o.kind = kind
	o.phone[0], o.phone[1] = '6', '2'
	o.n = 2 + copy(o.phone[2:], nsn)
}

// afterCountryCode handles what follows an Indonesian country code. A trunk
// zero written after it ("+62 (0) 812…") is dropped, but "00" is kept: that
// is how Indonesia's international toll-free numbers (001803…) begin, and
// libphonenumber keeps it too.
func afterCountryCode(nsn []byte, o *outcome) {
	if len(nsn) >= 1 && nsn[0] == '0' && (len(nsn) == 1 || nsn[1] != '0') {
		nsn = nsn[1:]
		o.flags |= rTrunkZero
	}
	setID(nsn, o)
}

// nationalID interprets digits written without "+" or "00" when the
// default region is Indonesia. d is not empty and does not start with "00".
func nationalID(d []byte, o *outcome) {
	switch {
	case d[0] == '0':
		// The usual national form: trunk zero + NSN.
		setID(d[1:], o)
	case len(d) >= 2 && d[0] == '6' && d[1] == '2':
		// A bare 62 is the country code, as in WhatsApp's own form.
		afterCountryCode(d[2:], o)
	default:
		// A national number whose leading zero a spreadsheet dropped.
		// Numbers of the "15" UAN range are dialled without a zero, so for
		// them nothing was restored.
		setID(d, o)
		if o.status == StatusValid && !(d[0] == '1' && len(d) > 1 && d[1] == '5') {
			o.flags |= rLeadingZero
		}
	}
}

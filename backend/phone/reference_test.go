package phone_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"

	"kontak/backend/phone"
)

// The tests in this file hold the hand-written Indonesian rules to
// phonenumbers, the Go port of libphonenumber, which DESIGN.md names as the
// reference for validity.

// pnKind maps a phonenumbers type to the Kind Normalize should report.
func pnKind(t phonenumbers.PhoneNumberType) phone.Kind {
	switch t {
	case phonenumbers.MOBILE:
		return phone.KindMobile
	case phonenumbers.FIXED_LINE, phonenumbers.FIXED_LINE_OR_MOBILE:
		return phone.KindLandline
	case phonenumbers.UNKNOWN:
		return phone.KindNone
	}
	return phone.KindOther
}

// pnResult is what phonenumbers makes of an input in region ID, in the
// terms of a Result.
type pnResult struct {
	phone   string // E.164 without "+", "" unless valid
	kind    phone.Kind
	display string // INTERNATIONAL format, "" unless valid
}

func reference(raw, region string) pnResult {
	num, err := phonenumbers.Parse(raw, region)
	if err != nil || !phonenumbers.IsValidNumber(num) {
		return pnResult{}
	}
	kind := pnKind(phonenumbers.GetNumberType(num))
	if num.GetCountryCode() != 62 {
		kind = phone.KindForeign
	}
	return pnResult{
		phone:   strings.TrimPrefix(phonenumbers.Format(num, phonenumbers.E164), "+"),
		kind:    kind,
		display: phonenumbers.Format(num, phonenumbers.INTERNATIONAL),
	}
}

func ours(n *phone.Normalizer, raw string) pnResult {
	r := n.Normalize(raw)
	return pnResult{phone: r.Phone, kind: r.Kind, display: r.Display}
}

// TestIndonesianRangesMatchPhonenumbers checks the Indonesian validity rules
// and display formats against phonenumbers for every national significant
// number prefix of four digits (and the longer prefixes the metadata names)
// at every length from 1 to 17. Validity in the metadata depends only on a
// prefix of at most six digits and the length, so this covers every rule.
func TestIndonesianRangesMatchPhonenumbers(t *testing.T) {
	n := mustNew(t, "ID")
	var prefixes []string
	for p := 0; p < 10000; p++ {
		prefixes = append(prefixes, fmt.Sprintf("%04d", p))
	}
	// Longer prefixes of the metadata, and their neighbours.
	for _, long := range []string{"21500", "15002", "001803", "007803", "150264"} {
		for d := '0'; d <= '9'; d++ {
			prefixes = append(prefixes, long[:len(long)-1]+string(d))
		}
	}
	maxLen := 17
	if testing.Short() {
		maxLen = 13
	}
	rng := rand.New(rand.NewPCG(1, 2))
	checked := 0
	for _, p := range prefixes {
		for length := 1; length <= maxLen; length++ {
			nsn := p
			if len(nsn) > length {
				nsn = nsn[:length]
			}
			for len(nsn) < length {
				nsn += string(byte('0' + rng.IntN(10)))
			}
			if nsn[0] == '0' && !strings.HasPrefix(nsn, "00") {
				// "+62 0…" is a trunk zero; those inputs are covered by
				// the formats test below.
				continue
			}
			checked++
			raw := "+62" + nsn
			got, want := ours(n, raw), reference(raw, "ID")
			if got != want {
				t.Errorf("Normalize(%q) = %+v, phonenumbers gives %+v", raw, got, want)
			}
			// Display must match phonenumbers for invalid numbers too, as
			// long as they parse.
			if num, err := phonenumbers.Parse(raw, "ID"); err == nil && phonenumbers.GetNationalSignificantNumber(num) == nsn {
				if got, want := phone.Display("62"+nsn), phonenumbers.Format(num, phonenumbers.INTERNATIONAL); got != want {
					t.Errorf("Display(%q) = %q, want %q", "62"+nsn, got, want)
				}
			}
		}
	}
	t.Logf("checked %d numbers", checked)
}

// knownDifference describes a class of input on which Normalize and
// phonenumbers disagree on purpose. rewrite returns the input phonenumbers
// must be given to agree with Normalize, or "" when the class does not apply.
// A difference outside these classes fails the test, and so does a class
// member on which even the rewritten input disagrees.
type knownDifference struct {
	name    string
	why     string
	rewrite func(raw string) string
}

var knownDifferences = []knownDifference{
	{
		name: "international-prefix-00",
		why: "phonenumbers only knows 008 and 009 as Indonesia's international prefixes " +
			"(internationalPrefix 00[89]), so it reads 0062… and 0060… as national numbers",
		rewrite: func(raw string) string {
			if strings.HasPrefix(raw, "00") {
				return "+" + raw[2:]
			}
			return ""
		},
	},
	{
		name: "bare-62-is-country-code",
		why: "phonenumbers reads a bare 62… of 11 digits or fewer as a national number " +
			"(area code 062x), e.g. 62812345678 → +62 628 12345678; WhatsApp's form, and ours, is 62 + NSN",
		rewrite: func(raw string) string {
			if strings.HasPrefix(raw, "62") {
				return "+" + raw
			}
			return ""
		},
	},
	{
		name: "float-suffix",
		why:  "phonenumbers keeps the 0 of a spreadsheet's \".0\" as a digit",
		rewrite: func(raw string) string {
			if s, ok := strings.CutSuffix(raw, ".0"); ok {
				return s
			}
			return ""
		},
	},
}

// generatedInputs returns Indonesian numbers of every kind, valid and not,
// written in the formats people use, plus foreign numbers.
func generatedInputs(count int) []string {
	rng := rand.New(rand.NewPCG(62, 812))
	digits := func(k int) string {
		var b strings.Builder
		for range k {
			b.WriteByte(byte('0' + rng.IntN(10)))
		}
		return b.String()
	}
	prefixes := []string{
		"811", "812", "813", "821", "822", "831", "838", "852", "853", "856", "857", "858",
		"859", "877", "878", "881", "889", "895", "896", "899", "840", "800", "804", "807",
		"809", "21", "22", "24", "31", "61", "274", "271", "361", "341", "411", "431",
		"511", "541", "561", "620", "622", "651", "711", "721", "751", "761", "771", "911",
		"967", "986", "201", "299", "1500", "177", "112", "6",
	}
	var out []string
	for len(out) < count {
		nsn := prefixes[rng.IntN(len(prefixes))]
		nsn += digits(4 + rng.IntN(9) - len(nsn) + 3)
		var raw string
		switch rng.IntN(12) {
		case 0:
			raw = "0" + nsn
		case 1:
			raw = "+62" + nsn
		case 2:
			raw = "+62 " + group(nsn, " ")
		case 3:
			raw = "0" + group(nsn, "-")
		case 4:
			raw = "(0" + nsn[:3] + ") " + nsn[3:]
		case 5:
			raw = "62" + nsn
		case 6:
			raw = "0062" + nsn
		case 7:
			raw = nsn
		case 8:
			raw = "+62 (0) " + group(nsn, ".")
		case 9:
			raw = "62 0" + nsn
		case 10:
			raw = "0" + nsn + ".0"
		case 11:
			raw = "0" + group(nsn, "\u00a0")
		}
		out = append(out, raw)
	}
	// Foreign numbers: the example numbers of many regions, with "+" and "00".
	for i, region := range []string{"US", "MY", "SG", "AU", "GB", "NL", "SA", "JP", "CN", "IN", "PH", "TW", "HK", "DE", "IT", "AE"} {
		for _, typ := range []phonenumbers.PhoneNumberType{phonenumbers.MOBILE, phonenumbers.FIXED_LINE} {
			num := phonenumbers.GetExampleNumberForType(region, typ)
			if num == nil {
				continue
			}
			e164 := phonenumbers.Format(num, phonenumbers.E164)
			out = append(out, e164, phonenumbers.Format(num, phonenumbers.INTERNATIONAL))
			if i%2 == 0 {
				out = append(out, "00"+e164[1:])
			}
		}
	}
	return out
}

// group writes nsn in groups of three or four digits.
func group(nsn, sep string) string {
	var parts []string
	for len(nsn) > 4 {
		parts = append(parts, nsn[:3])
		nsn = nsn[3:]
	}
	return strings.Join(append(parts, nsn), sep)
}

// TestAgreesWithPhonenumbers compares Normalize with phonenumbers over
// generated inputs in many formats. They must agree on validity, canonical
// digits, kind and display, except on the knownDifferences classes, where
// phonenumbers must agree once the input is rewritten the way we read it.
func TestAgreesWithPhonenumbers(t *testing.T) {
	n := mustNew(t, "ID")
	inputs := generatedInputs(20000)
	differ := map[string]int{}
	for _, raw := range inputs {
		got := ours(n, raw)
		want := reference(raw, "ID")
		if got == want {
			continue
		}
		explained := false
		for _, k := range knownDifferences {
			rewritten := k.rewrite(raw)
			if rewritten == "" {
				continue
			}
			if again := reference(rewritten, "ID"); again == got {
				differ[k.name]++
				explained = true
				break
			}
		}
		if !explained {
			t.Errorf("Normalize(%q) = %+v, phonenumbers gives %+v, and no known difference explains it", raw, got, want)
		}
	}
	for _, k := range knownDifferences {
		t.Logf("known difference %-25s %5d inputs: %s", k.name, differ[k.name], k.why)
	}
}

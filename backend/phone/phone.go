package phone

import (
	"fmt"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Status says whether a number could be normalised.
type Status string

// The statuses a Result can have.
const (
	// StatusValid means Phone holds the canonical digits of a valid number.
	StatusValid Status = "valid"
	// StatusInvalid means the input is not a valid phone number; Reasons say why.
	StatusInvalid Status = "invalid"
	// StatusLossy means a spreadsheet rounded digits away (scientific
	// notation), so the number cannot be recovered from this input.
	StatusLossy Status = "lossy"
	// StatusEmpty means the input holds no number at all: blanks or a
	// placeholder such as "-".
	StatusEmpty Status = "empty"
)

// Kind says what sort of number a valid result is. It is empty unless the
// result is valid.
type Kind string

// The kinds a valid Result can have. The set is small on purpose: the UI
// only needs to tell mobiles, which can have WhatsApp, from the rest.
const (
	KindNone     Kind = ""
	KindMobile   Kind = "mobile"   // an Indonesian mobile number
	KindLandline Kind = "landline" // an Indonesian fixed-line number
	KindOther    Kind = "other"    // Indonesian toll-free, premium, shared-cost or UAN
	KindForeign  Kind = "foreign"  // any number whose country code is not 62
)

// Reason is a stable kebab-case code the UI shows next to a number. Its
// text must never change, because the UI translates it and tests match it.
type Reason string

// Reasons for repairs that were made to the input. They can appear on valid
// and on invalid results.
const (
	ReasonApostropheRemoved          Reason = "apostrophe-removed"
	ReasonFormulaQuotesRemoved       Reason = "formula-quotes-removed"
	ReasonFullwidthDigits            Reason = "fullwidth-digits"
	ReasonUnicodeDigits              Reason = "unicode-digits"
	ReasonFloatSuffixRemoved         Reason = "float-suffix-removed"
	ReasonScientificNotationExpanded Reason = "scientific-notation-expanded"
	ReasonExtensionRemoved           Reason = "extension-removed"
	ReasonInternationalPrefix00      Reason = "international-prefix-00"
	ReasonTrunkZeroRemoved           Reason = "trunk-zero-removed"
	ReasonLeadingZeroRestored        Reason = "leading-zero-restored"
)

// Reasons that explain an empty, lossy or invalid result.
const (
	// ReasonPlaceholder: the cell held a placeholder such as "-" or "n/a" (StatusEmpty).
	ReasonPlaceholder Reason = "placeholder"
	// ReasonDigitsLost: scientific notation rounded digits away (StatusLossy).
	ReasonDigitsLost Reason = "digits-lost"
	// ReasonNotANumber: letters or other symbols that are not formatting.
	ReasonNotANumber Reason = "not-a-number"
	// ReasonTooShort: fewer digits than any number with this prefix has.
	ReasonTooShort Reason = "too-short"
	// ReasonTooLong: more digits than any number with this prefix has.
	ReasonTooLong Reason = "too-long"
	// ReasonUnknownAreaCode: an Indonesian landline prefix that is no area code.
	ReasonUnknownAreaCode Reason = "unknown-area-code"
	// ReasonInvalidNumber: the prefix and length do not form a valid number.
	ReasonInvalidNumber Reason = "invalid-number"
	// ReasonServiceNumber: a short service number such as 112 or 14045.
	ReasonServiceNumber Reason = "service-number"
	// ReasonInvalidCountryCode: "+" or "00" is followed by no known country code.
	ReasonInvalidCountryCode Reason = "invalid-country-code"
)

// reasonSet is a bit set of reasons, so that the fast path can collect them
// without allocating. Bit i stands for reasonOrder[i], which is also the
// order in which Normalize reports them.
type reasonSet uint32

const (
	rApostrophe reasonSet = 1 << iota
	rFormula
	rFullwidth
	rUnicodeDigits
	rFloat
	rScientific
	rExtension
	rIntl00
	rTrunkZero
	rLeadingZero
	rPlaceholder
	rDigitsLost
	rNotANumber
	rTooShort
	rTooLong
	rUnknownArea
	rInvalidNumber
	rService
	rInvalidCC
)

var reasonOrder = [...]Reason{
	ReasonApostropheRemoved,
	ReasonFormulaQuotesRemoved,
	ReasonFullwidthDigits,
	ReasonUnicodeDigits,
	ReasonFloatSuffixRemoved,
	ReasonScientificNotationExpanded,
	ReasonExtensionRemoved,
	ReasonInternationalPrefix00,
	ReasonTrunkZeroRemoved,
	ReasonLeadingZeroRestored,
	ReasonPlaceholder,
	ReasonDigitsLost,
	ReasonNotANumber,
	ReasonTooShort,
	ReasonTooLong,
	ReasonUnknownAreaCode,
	ReasonInvalidNumber,
	ReasonServiceNumber,
	ReasonInvalidCountryCode,
}

// Result is the outcome of normalising one input.
type Result struct {
	Input   string   `json:"input"`
	Phone   string   `json:"phone"` // canonical digits; "" unless Status == valid
	Status  Status   `json:"status"`
	Kind    Kind     `json:"kind"`
	Display string   `json:"display"` // "+62 812-3456-7890"; "" unless valid
	Reasons []Reason `json:"reasons"` // never nil
}

// Normalizer normalises phone numbers for one default region. It is safe for
// concurrent use. The zero value is not valid: use New.
type Normalizer struct {
	region string // upper-case ISO 3166 code, e.g. "ID"
	isID   bool   // the default region is Indonesia: use the fast path
}

// New returns a Normalizer whose numbers without a country code belong to
// defaultRegion, an ISO 3166-1 alpha-2 code such as "ID", "MY", "SG" or "US"
// (case does not matter). An empty string selects Indonesia, the default of
// the app. It returns an error for a region phonenumbers does not know.
func New(defaultRegion string) (*Normalizer, error) {
	r := strings.ToUpper(strings.TrimSpace(defaultRegion))
	if r == "" {
		r = "ID"
	}
	if !phonenumbers.GetSupportedRegions()[r] {
		return nil, fmt.Errorf("phone: unknown region code %q", defaultRegion)
	}
	return &Normalizer{region: r, isID: r == "ID"}, nil
}

// Region returns the default region as an upper-case ISO code, e.g. "ID".
func (n *Normalizer) Region() string { return n.region }

// Normalize normalises raw and explains the result. It agrees with
// AppendCanonical on the canonical digits and the status.
func (n *Normalizer) Normalize(raw string) Result {
	var o outcome
	n.run(raw, &o)
	res := Result{Input: raw, Status: o.status, Kind: o.kind, Reasons: o.flags.list()}
	if o.status == StatusValid {
		res.Phone = string(o.phone[:o.n])
		if o.foreign != nil {
			res.Display = phonenumbers.Format(o.foreign, phonenumbers.INTERNATIONAL)
		} else {
			res.Display = displayID(res.Phone[2:])
		}
	}
	return res
}

// AppendCanonical appends the canonical digits of raw to dst when raw is a
// valid number and returns the extended slice with the status. For any other
// status dst is returned unchanged. It is the path importers and the phone
// index use: for Indonesian input (region ID, or "+62"/"0062" in any region)
// it does not allocate.
func (n *Normalizer) AppendCanonical(dst []byte, raw string) ([]byte, Status) {
	var o outcome
	n.run(raw, &o)
	if o.status == StatusValid {
		dst = append(dst, o.phone[:o.n]...)
	}
	return dst, o.status
}

// list turns the set into the slice Result carries. It returns an empty,
// non-nil slice when the set is empty, so that JSON shows [] and not null.
func (s reasonSet) list() []Reason {
	if s == 0 {
		return []Reason{}
	}
	out := make([]Reason, 0, 4)
	for i, r := range reasonOrder {
		if s&(1<<i) != 0 {
			out = append(out, r)
		}
	}
	return out
}

// maxDigits bounds the digits kept while scanning. The longest valid number
// is an Indonesian ITFS number: 00 62 + 17 digits, 21 digits in all; anything
// longer is reported as too long without being stored.
const maxDigits = 32

// outcome is what the shared core produces. It lives on the caller's stack,
// so the fast path allocates nothing.
type outcome struct {
	phone   [maxDigits]byte // canonical digits
	n       int
	status  Status
	kind    Kind
	flags   reasonSet
	foreign *phonenumbers.PhoneNumber // set for valid numbers parsed by phonenumbers
}

// fail marks the outcome invalid with the failure reason r.
func (o *outcome) fail(r reasonSet) {
	o.status = StatusInvalid
	o.kind = KindNone
	o.n = 0
	o.flags |= r
}

// run is the core shared by Normalize and AppendCanonical, so that the two
// cannot disagree.
func (n *Normalizer) run(raw string, o *outcome) {
	var s scanner
	s.scan(raw)
	o.flags = s.flags
	switch s.state {
	case scanEmpty:
		o.status = StatusEmpty
		return
	case scanJunk:
		o.fail(rNotANumber)
		return
	case scanLossy:
		o.status = StatusLossy
		o.flags |= rDigitsLost
		return
	}
	if s.nd > maxDigits {
		o.fail(rTooLong)
		return
	}
	d := s.d[:s.nd]
	switch {
	case s.plus:
		n.international(d, o)
	case len(d) >= 2 && d[0] == '0' && d[1] == '0':
		o.flags |= rIntl00
		n.international(d[2:], o)
	case n.isID:
		nationalID(d, o)
	default:
		n.nationalOther(d, o)
	}
}

// international handles digits that follow "+" or "00": a country code and
// a national significant number.
func (n *Normalizer) international(d []byte, o *outcome) {
	switch {
	case len(d) == 0:
		o.fail(rTooShort)
	case d[0] == '0':
		o.fail(rInvalidCC)
	case len(d) >= 2 && d[0] == '6' && d[1] == '2':
		afterCountryCode(d[2:], o)
	default:
		foreign(d, o)
	}
}

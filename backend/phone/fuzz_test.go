package phone_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"kontak/backend/phone"
)

// FuzzNormalize checks the invariants of Normalize on any input: it never
// panics; AppendCanonical agrees with it; a valid result's canonical form
// and display form normalise back to it; a result that is not valid has no
// phone, kind or display; and reasons are never nil.
func FuzzNormalize(f *testing.F) {
	for _, tt := range normalizeTests {
		if len(tt.in) < 100 {
			f.Add(tt.in)
		}
	}
	for _, in := range fastPathInputs {
		if len(in) < 100 {
			f.Add(in)
		}
	}
	for _, in := range []string{"6.2E+1", "+62 0", "62 0", "0062", "00", "+620", "\u202a'="} {
		f.Add(in)
	}
	regions := []*phone.Normalizer{mustNew(f, "ID"), mustNew(f, "MY"), mustNew(f, "US")}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, n := range regions {
			r := n.Normalize(raw)
			if r.Input != raw {
				t.Errorf("Normalize(%q).Input = %q", raw, r.Input)
			}
			if r.Reasons == nil {
				t.Errorf("Normalize(%q).Reasons is nil", raw)
			}
			switch r.Status {
			case phone.StatusValid, phone.StatusInvalid, phone.StatusLossy, phone.StatusEmpty:
			default:
				t.Errorf("Normalize(%q).Status = %q", raw, r.Status)
			}
			if r.Status == phone.StatusValid {
				if r.Phone == "" || strings.Trim(r.Phone, "0123456789") != "" || r.Kind == phone.KindNone {
					t.Errorf("Normalize(%q) in %s = %+v: valid without canonical digits or kind", raw, n.Region(), r)
				}
			}
			checkAgree(t, n, raw, r)
			checkValidInvariants(t, n, r)
		}
		if digits, _ := phone.SearchDigits(raw, "ID"); strings.Trim(digits, "0123456789") != "" {
			t.Errorf("SearchDigits(%q) = %q, not digits", raw, digits)
		}
		if utf8.ValidString(raw) {
			_ = phone.Display(raw)
		}
	})
}

package names_test

import (
	"strings"
	"testing"
	"unicode"

	"kontak/backend/names"
)

// FuzzDetect checks the invariants of DetectDetail on any input: it never
// panics; Detect agrees with it; a result without a name is the zero
// Result; a name is cleaned (letters, single spaces, apostrophes, hyphens
// and periods, at most four words, capitalised); and a
// detected name is found again when stated as "nama saya <name>".
func FuzzDetect(f *testing.F) {
	for _, tt := range detectTests {
		f.Add(tt.in)
	}
	for _, in := range []string{"", "nama saya ", "saya \xff\xfe", "nama: M.", "saya M. M.", "I'm O'", "nama saya a-", "saya ǅemal", "name: ß"} {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		r := names.DetectDetail(msg)
		if got := names.Detect(msg); got != r.Name {
			t.Fatalf("Detect(%q) = %q, DetectDetail gives %q", msg, got, r.Name)
		}
		if r.Name == "" {
			if r != (names.Result{}) {
				t.Fatalf("DetectDetail(%q) = %+v: no name but not the zero Result", msg, r)
			}
			return
		}
		if r.Pattern == "" {
			t.Errorf("DetectDetail(%q) = %+v: no pattern", msg, r)
		}
		checkClean(t, msg, "name", r.Name)
		if r.Honorific != "" {
			checkClean(t, msg, "honorific", r.Honorific)
		}
		if n := len(strings.Fields(r.Name)); n > 4 {
			t.Errorf("DetectDetail(%q).Name = %q: %d words", msg, r.Name, n)
		}
		if again := names.Detect("nama saya " + r.Name); again != r.Name {
			t.Errorf("Detect(%q) = %q, but Detect(%q) = %q", msg, r.Name, "nama saya "+r.Name, again)
		}
	})
}

// checkClean fails unless s is made of letters, single spaces, apostrophes,
// hyphens and periods, and starts with a capital letter, or with a letter
// that has none, such as "ʟ".
func checkClean(t *testing.T, msg, what, s string) {
	t.Helper()
	if strings.TrimSpace(s) != s || strings.Contains(s, "  ") {
		t.Errorf("DetectDetail(%q): %s %q has stray spaces", msg, what, s)
	}
	for i, r := range s {
		ok := unicode.IsLetter(r) || r == ' ' || r == '\'' || r == '-' || r == '.'
		if !ok {
			t.Errorf("DetectDetail(%q): %s %q holds %q", msg, what, s, r)
		}
		if i == 0 && unicode.ToTitle(r) != r {
			t.Errorf("DetectDetail(%q): %s %q does not start with a capital", msg, what, s)
		}
	}
}

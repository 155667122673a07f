package names

import (
	"strings"
	"testing"
)

// TestWordLists checks the word lists against each other: a stop word can
// be neither ambiguous nor a title, since the stop list would always win;
// every list entry is folded; and the stop list is the promised size.
func TestWordLists(t *testing.T) {
	stops := 0
	for w, c := range classes {
		if c&cStop != 0 {
			stops++
			if c&(cAmbiguous|cHonorific) != 0 {
				t.Errorf("%q is a stop word and ambiguous or a title", w)
			}
		}
		if fold(w) != w {
			t.Errorf("%q is not folded", w)
		}
	}
	if stops < 500 {
		t.Errorf("%d stop words, want several hundred", stops)
	}
}

// TestPatterns checks that every pattern has a label, that its words are
// folded, and that they are stop words: a word that states a name is never
// part of one ("sya dipangil Aba" is not "Dipangil Aba"). "Nick" is a name.
func TestPatterns(t *testing.T) {
	for _, p := range patterns {
		if p.label == "" {
			t.Errorf("pattern %q has no label", p.spec)
		}
		for _, s := range p.steps {
			for _, w := range s.alts {
				if fold(w) != w || strings.TrimSpace(w) != w {
					t.Errorf("pattern %q: word %q is not folded", p.spec, w)
				}
				if w[0] >= 'a' && w[0] <= 'z' && w != "nick" && classOf(w)&cStop == 0 {
					t.Errorf("pattern %q: word %q is not a stop word", p.spec, w)
				}
			}
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // words as text, "|" between tokens, "·" after a word with its period
	}{
		{"words and punctuation", "Halo, saya Budi!", "Halo|,|saya|Budi|!"},
		{"initial and title keep their period", "M. Rizky, Hj. Siti", "M·|Rizky|,|Hj·|Siti"},
		{"sentence period", "Budi. Mau", "Budi|.|Mau"},
		{"inner apostrophe and hyphen", "Ma’ruf Jean-Pierre", "Ma'ruf|Jean-Pierre"},
		{"quotes and bold are dropped", `"Budi" *Rina*`, "Budi|Rina"},
		{"emoji ends a clause", "Budi😊Rina", "Budi||Rina"},
		{"line break", "a\r\nb", "a|\n|\n|b"},
		{"junk", "budi@x.com www.x.id tokobudi.com/abc", "<junk>|<junk>|<junk>"},
		{"dash", "Budi - Bogor", "Budi|-|Bogor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var parts []string
			for _, tok := range tokenize(tt.in, nil) {
				s := tok.text
				if tok.kind == kJunk {
					s = "<junk>"
				}
				if tok.dot {
					s += "·"
				}
				parts = append(parts, s)
			}
			if got := strings.Join(parts, "|"); got != tt.want {
				t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFixCase(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"dimas", "Dimas"},
		{"BUDI", "Budi"},
		{"bUDi", "Budi"},
		{"o'brien", "O'Brien"},
		{"ma'ruf", "Ma'ruf"},
		{"jean-pierre", "Jean-Pierre"},
		{"McDonald", "McDonald"},
		{"MCDONALD", "Mcdonald"},
		{"désirée", "Désirée"},
	}
	for _, tt := range tests {
		if got := fixCase(tt.in, true); got != tt.want {
			t.Errorf("fixCase(%q, true) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := fixCase("BIN", false); got != "bin" {
		t.Errorf(`fixCase("BIN", false) = %q, want "bin"`, got)
	}
}

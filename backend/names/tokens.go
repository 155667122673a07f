package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// kind is what a token is.
type kind uint8

const (
	kWord  kind = iota // letters and digits, with inner apostrophes and hyphens
	kPunct             // punctuation, a line break or an emoji: it ends a clause
	kJunk              // a URL, an e-mail address or an @handle
)

// token is one word or mark of a message.
type token struct {
	kind kind
	// text is the word as written, with its apostrophes made ASCII, or the
	// punctuation mark ("\n" for a line break, "" for an emoji).
	text string
	// low is text folded for look-ups: lower case and without accents.
	low string
	// dot is set on a word followed by a period that belongs to it: an
	// initial ("M.") or an abbreviation ("Hj.", "dr.").
	dot bool
	// first is set on the first word of a sentence, whose capital letter
	// says nothing about whether it is a name.
	first bool
}

// tokenizer cuts a message into tokens.
type tokenizer struct {
	toks     []token
	sentence bool // the next word starts a sentence
}

// tokenize cuts s into tokens, appending them to buf[:0].
func tokenize(s string, buf []token) []token {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	if !isASCII(s) {
		// NFKC turns full-width and "fancy" letters (ｂｕｄｉ, 𝐁𝐮𝐝𝐢) into plain
		// ones and composes accents, so that a name is made of letters only.
		s = norm.NFKC.String(s)
	}
	z := tokenizer{toks: buf[:0], sentence: true}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			if isLineBreak(r) {
				z.punct("\n")
			}
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if isSpace(r) {
				break
			}
			j += size
		}
		if chunk := s[i:j]; isJunk(chunk) {
			z.toks = append(z.toks, token{kind: kJunk})
			z.sentence = false
		} else {
			z.chunk(chunk)
		}
		i = j
	}
	return z.toks
}

// punct adds a punctuation token; a period, "!", "?" and a line break end
// the sentence.
func (z *tokenizer) punct(p string) {
	z.toks = append(z.toks, token{kind: kPunct, text: p, low: p})
	switch p {
	case ".", "!", "?", "\n":
		z.sentence = true
	}
}

// chunk cuts a run of characters without spaces into words and
// punctuation.
func (z *tokenizer) chunk(c string) {
	start := -1 // start of the current word, -1 outside a word
	fancy := false
	end := func(at int) {
		if start >= 0 {
			z.word(c[start:at], fancy)
			start = -1
			fancy = false
		}
	}
	for i := 0; i < len(c); {
		r, size := utf8.DecodeRuneInString(c[i:])
		next, _ := utf8.DecodeRuneInString(c[i+size:])
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case isApostrophe(r) || isHyphen(r):
			// Inside a word ("Ma'ruf", "I'm", "Jean-Pierre") they belong to
			// it; anywhere else an apostrophe is a quote and a hyphen a dash.
			if start >= 0 && unicode.IsLetter(next) {
				fancy = fancy || (r != '\'' && r != '-')
				break
			}
			end(i)
			if isHyphen(r) {
				z.punct("-")
			}
		case r == '.':
			if start >= 0 {
				end(i)
				if last := &z.toks[len(z.toks)-1]; takesDot(last.low) {
					last.dot = true
					break
				}
			}
			z.punct(".")
		case isQuote(r) || isInvisible(r):
			end(i)
		default:
			end(i)
			if r < utf8.RuneSelf || unicode.IsPunct(r) {
				z.punct(string(r))
			} else {
				// Emoji and other symbols end a clause like punctuation.
				z.punct("")
			}
		}
		i += size
	}
	end(len(c))
}

// word adds a word token.
func (z *tokenizer) word(w string, fancy bool) {
	if fancy {
		w = strings.Map(func(r rune) rune {
			switch {
			case isApostrophe(r):
				return '\''
			case isHyphen(r):
				return '-'
			}
			return r
		}, w)
	}
	z.toks = append(z.toks, token{kind: kWord, text: w, low: fold(w), first: z.sentence})
	z.sentence = false
}

// takesDot reports whether a period after the word belongs to it rather
// than ending the sentence: single letters are initials, and a few titles
// and name abbreviations are written with a period.
func takesDot(low string) bool {
	if utf8.RuneCountInString(low) == 1 {
		return true
	}
	return classOf(low)&cAbbrev != 0
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || (unicode.IsMark(r) && !isInvisible(r))
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (unicode.Is(unicode.Cf, r) && r != '\u200d')
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == '\u0085' || r == '\u2028' || r == '\u2029'
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '`', '\u00b4', '\u2032':
		return true
	}
	return false
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func isQuote(r rune) bool {
	switch r {
	case '"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '*', '_', '~':
		// "*Budi*", "_Budi_" and "~Budi~" are WhatsApp's bold, italic and
		// strike-through: the word inside is still a word.
		return true
	}
	return false
}

// isInvisible reports the zero-width joiner and the variation selectors,
// which are parts of emoji.
func isInvisible(r rune) bool {
	return r == '\u200d' || (r >= '\ufe00' && r <= '\ufe0f') || (r >= 0xe0100 && r <= 0xe01ef)
}

// isJunk reports a chunk that is a URL, an e-mail address or an @handle:
// never a name, and a clause boundary.
func isJunk(c string) bool {
	if strings.ContainsRune(c, '@') || strings.Contains(c, "://") {
		return true
	}
	low := strings.ToLower(c)
	if strings.HasPrefix(low, "www.") {
		return true
	}
	// A bare domain: "tokobudi.com", "bit.ly/x".
	if k := strings.IndexByte(low, '/'); k >= 0 {
		low = low[:k]
	}
	low = strings.TrimRight(low, ".,!?;:)")
	k := strings.LastIndexByte(low, '.')
	if k <= 0 {
		return false
	}
	return topLevelDomains[low[k+1:]] && isLetterOrDigit(low[k-1])
}

// topLevelDomains are the endings that make "word.ending" a web address.
var topLevelDomains = map[string]bool{
	"com": true, "id": true, "net": true, "org": true, "co": true, "io": true, "ly": true,
	"me": true, "info": true, "biz": true, "app": true, "shop": true, "store": true,
	"site": true, "online": true, "xyz": true, "my": true, "sg": true, "gl": true,
	"link": true, "page": true, "dev": true, "web": true, "ac": true, "sch": true, "go": true,
}

func isLetterOrDigit(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= utf8.RuneSelf
}

// fold is the form words are looked up in: lower case, accents removed, so
// "Désirée" and "DESIREE" both become "desiree".
func fold(s string) string {
	if isASCII(s) {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c >= 'A' && c <= 'Z' {
				return strings.ToLower(s)
			}
		}
		return s
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	// Upper then lower case, so that letters such as the dotless "ı" and the
	// long "ſ" meet their plain forms: a name is written back in title case,
	// and "ıa" must be the stop word "ia" as "Ia" is.
	return strings.ToLower(strings.ToUpper(out))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

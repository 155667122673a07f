package names

import (
	"strings"
	"unicode"
)

// Result explains a detection, for the activity log and the UI.
type Result struct {
	// Name is the cleaned name, "" when the message states none.
	Name string `json:"name"`
	// Pattern is the way the name was stated: "nama saya", "my name is".
	Pattern string `json:"pattern"`
	// Honorific is the title removed in front of the name, such as "Bu".
	Honorific string `json:"honorific"`
}

// maxWords is the most words a name may have. Longer runs of name-like
// words are a sentence more often than a name.
const maxWords = 4

// Detect returns the name a customer states about themself in a message,
// or "" when the message states no name. It is offline and deterministic,
// and it puts precision first: a wrong name is worse than none.
func Detect(message string) string {
	return DetectDetail(message).Name
}

// DetectDetail is Detect with the pattern that matched and the title that
// was removed. It returns the zero Result when the message states no name.
func DetectDetail(message string) Result {
	var buf [48]token
	toks := tokenize(message, buf[:0])
	d := detector{toks: toks, trust: trustsCapitals(toks)}
	return d.detect()
}

// detector holds one message while it is searched.
type detector struct {
	toks []token
	// trust is set when the message trusts its capitals (see the package
	// comment).
	trust bool
}

// found is one successful match.
type found struct {
	Result
	strong bool
}

func (d *detector) detect() Result {
	var all []found
	for i, t := range d.toks {
		if t.kind != kWord {
			continue
		}
		for _, p := range byFirstWord[t.low] {
			end, ok := p.match(d.toks, i)
			if !ok || (p.clause && !d.opensClause(i)) {
				continue
			}
			if r, ok := d.name(p, i, end); ok {
				all = append(all, found{r, p.strong})
			}
		}
	}
	if len(all) == 0 {
		return Result{}
	}
	// A strong pattern beats a weak one; otherwise the first one wins.
	best := all[0]
	for _, f := range all {
		if f.strong {
			best = f
			break
		}
	}
	// Two different names in one message ("saya Budi, ini dengan Ani") are
	// a sign that something else is going on: give up.
	first := firstWord(best.Name)
	for _, f := range all {
		if firstWord(f.Name) != first {
			return Result{}
		}
	}
	return best.Result
}

func firstWord(name string) string {
	if i := strings.IndexByte(name, ' '); i >= 0 {
		name = name[:i]
	}
	return fold(name)
}

// opensClause reports whether only greetings, fillers and forms of address
// stand between the start of the clause and toks[i].
func (d *detector) opensClause(i int) bool {
	n := 0
	for j := i - 1; j >= 0; j-- {
		t := d.toks[j]
		if t.kind != kWord {
			return true
		}
		if n == 6 || classOf(t.low)&(cOpener|cHonorific|cVocative) == 0 {
			return false
		}
		n++
	}
	return true
}

// name reads the name that starts at toks[k], after pattern p, which
// matched from toks[at].
func (d *detector) name(p *pattern, at, k int) (Result, bool) {
	toks := d.toks
	// In "gue Budi" the capital of the name stands out against the lower-case
	// pattern even when the message is too short to trust its capitals.
	contrast := d.trust || !isCapitalised(toks[at])
	var titles []token
	for k < len(toks) && len(titles) < 3 && isTitle(toks[k]) {
		titles = append(titles, toks[k])
		k++
	}
	var words []token
	for k < len(toks) && len(words) <= maxWords {
		t := toks[k]
		if t.kind != kWord || !d.accept(p, t, words, len(titles) > 0, contrast) {
			break
		}
		words = append(words, t)
		k++
	}
	if len(words) > maxWords {
		if !p.strong {
			return Result{}, false
		}
		words = words[:maxWords]
	}
	// A particle does not end a name: "Budi van" is "Budi".
	for len(words) > 0 && classOf(words[len(words)-1].low)&cParticle != 0 {
		words = words[:len(words)-1]
	}
	if !hasFullWord(words) {
		return Result{}, false
	}
	switch {
	case p.anchors != nil:
		if !p.anchored(toks, k) {
			return Result{}, false
		}
	case !p.strong:
		if !d.followsName(k, isCapitalised(words[0]), p.strictFollow) {
			return Result{}, false
		}
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(fixCase(w.text, i == 0 || classOf(w.low)&cParticle == 0))
		if w.dot {
			b.WriteByte('.')
		}
	}
	r := Result{Name: b.String(), Pattern: p.label}
	if len(titles) > 0 {
		hs := make([]string, len(titles))
		for i, t := range titles {
			hs[i] = fixCase(t.text, true)
			if t.dot {
				hs[i] += "."
			}
		}
		r.Honorific = strings.Join(hs, " ")
	}
	return r, true
}

// accept reports whether t can be the next word of a name that so far is
// words, after pattern p; afterTitle is set when a title stands before the
// name, which makes a name very likely; contrast is set when a capital
// letter on t would set it apart from the pattern.
func (d *detector) accept(p *pattern, t token, words []token, afterTitle, contrast bool) bool {
	if !nameShaped(t) {
		return false
	}
	c := classOf(t.low)
	if c&(cStop|cHonorific|cVocative) != 0 {
		return false
	}
	if c&cParticle != 0 {
		return len(words) > 0
	}
	capital := isCapitalised(t)
	trusted := d.trust && capital
	// In a message that trusts its capitals, a lower-case word after a
	// capitalised name is the rest of the sentence.
	if d.trust && len(words) > 0 && !capital && isCapitalised(words[0]) {
		return false
	}
	if p.strong {
		return trusted || !derivedStrong(t.low)
	}
	if p.needCase && !(capital && contrast) {
		return false
	}
	if afterTitle {
		return true
	}
	if d.trust && !capital {
		return false
	}
	if c&cAmbiguous != 0 && !trusted {
		return false
	}
	return trusted || !derived(t.low)
}

// followsName reports whether toks[k] may follow a name stated with a weak
// pattern: the end of a clause, a form of address, a word such as "dari"
// or "from", a phone number, or, in a message that trusts its capitals, a
// lower-case word that is not a stop word after a capitalised name ("saya
// Budi santoso"): the capital already set the name apart. When strict is
// set only a comma, a form of address or a follow word will do.
func (d *detector) followsName(k int, capitalName, strict bool) bool {
	if k >= len(d.toks) {
		return !strict
	}
	t := d.toks[k]
	if t.kind != kWord {
		return !strict || t.text == ","
	}
	if strict {
		return classOf(t.low)&(cHonorific|cVocative|cFollow) != 0
	}
	if classOf(t.low)&(cHonorific|cVocative|cFollow) != 0 {
		return true
	}
	if len(t.low) >= 6 && strings.Trim(t.low, "0123456789") == "" {
		return true
	}
	return d.trust && capitalName && !isCapitalised(t) && classOf(t.low)&cStop == 0
}

// isTitle reports a title removed in front of a name. "dr" without a
// period is the chat abbreviation of "dari", and "H" needs its period to
// mean "Haji".
func isTitle(t token) bool {
	if t.kind != kWord || !nameShaped(t) {
		return false
	}
	if classOf(t.low)&cHonorific != 0 {
		return true
	}
	return t.dot && (t.low == "dr" || t.low == "h")
}

// hasFullWord reports whether a name has a word that is more than an
// initial.
func hasFullWord(words []token) bool {
	for _, w := range words {
		if len([]rune(w.low)) >= 2 {
			return true
		}
	}
	return false
}

// nameShaped reports whether a word could be part of a name by its shape:
// Latin letters that have an upper and a lower case, with inner
// apostrophes and hyphens; no digits; a single
// letter only as an initial with its period; no laughter ("wkwk",
// "hahaha"), no stretched letters ("siaaap"), no possessive ("Budi's"), no
// reduplication ("pikir-pikir", "mudah-mudahan").
func nameShaped(t token) bool {
	letters := 0
	for _, r := range t.text {
		switch {
		case r == '\'' || r == '-':
		case unicode.Is(unicode.Latin, r) && unicode.ToUpper(r) != unicode.ToLower(r):
			// Letters without an upper and a lower case (IPA letters such as
			// "ʟ", "ß") cannot be capitalised and are not in Indonesian or
			// English names.
			letters++
		default:
			return false
		}
	}
	if letters == 0 || letters > 30 || (letters == 1 && !t.dot) {
		return false
	}
	if stretched(t.low) || laughter(t.low) || strings.HasSuffix(t.low, "'s") {
		return false
	}
	if first, rest, ok := strings.Cut(t.low, "-"); ok {
		if strings.HasPrefix(rest, first) {
			return false
		}
		for _, part := range strings.Split(t.low, "-") {
			if classOf(part)&cStop != 0 {
				return false
			}
		}
	}
	return true
}

// stretched reports a letter written three times in a row: "siaaap",
// "kaaak". Names do not do that.
func stretched(s string) bool {
	run := 0
	var prev rune
	for _, r := range s {
		if r == prev {
			run++
			if run == 3 {
				return true
			}
		} else {
			prev, run = r, 1
		}
	}
	return false
}

// laughter reports "haha", "wkwkwk", "hehe" and the like.
func laughter(s string) bool {
	if len(s) < 4 {
		return false
	}
	switch s[:2] {
	case "ha", "he", "hi", "ho", "hu", "wk", "kw", "xi", "ah", "eh", "ck":
	default:
		return false
	}
	for i := 2; i < len(s); i++ {
		if s[i] != s[i%2] {
			return false
		}
	}
	return true
}

// derived reports a lower-case word whose affixes make it a verb, a noun
// or an adjective rather than a name: Indonesian me-, ber-, ter-, nge-,
// pe-…-an, ke-…-an, -nya, -kan, -kah, and English -ing, -ive, -ly and the
// endings of derivedStrong. Names that look derived ("mentari", "bertha")
// are lost when written in lower case after a weak pattern; that is the
// price of precision.
func derived(w string) bool {
	n := len(w)
	switch {
	case n >= 7 && (strings.HasPrefix(w, "mem") || strings.HasPrefix(w, "men") || strings.HasPrefix(w, "meng") || strings.HasPrefix(w, "meny")):
		return true
	case n >= 6 && (strings.HasPrefix(w, "ber") || strings.HasPrefix(w, "ter")):
		return true
	case n >= 5 && strings.HasPrefix(w, "nge"):
		return true
	case n >= 8 && (strings.HasPrefix(w, "pem") || strings.HasPrefix(w, "pen") || strings.HasPrefix(w, "ke")) && strings.HasSuffix(w, "an"):
		return true
	case n >= 6 && strings.HasSuffix(w, "ive"), n >= 5 && strings.HasSuffix(w, "ing"), n >= 8 && strings.HasSuffix(w, "ly"):
		return true
	}
	return derivedStrong(w)
}

// derivedStrong reports the endings that are not names even after "nama
// saya" or "my name is": "nama saya tercantumnya", "my name is
// unpronounceable". "-ing" is left to derived: Javanese names end in
// "-ning" ("Mulyaning").
func derivedStrong(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, suf := range derivedEndings {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

var derivedEndings = []string{"nya", "kan", "kah", "tion", "sion", "ment", "ness", "ous", "ful", "able", "ible", "less"}

// isCapitalised reports a word that starts with a capital letter.
func isCapitalised(t token) bool {
	for _, r := range t.text {
		return unicode.IsUpper(r) || unicode.IsTitle(r)
	}
	return false
}

// trustsCapitals reports a message that has a capitalised word inside a
// sentence and a lower-case word too. The first word of a sentence, the
// English "I", titles and forms of address say nothing and are skipped.
func trustsCapitals(toks []token) bool {
	var title, lower bool
	for _, t := range toks {
		if t.kind != kWord || t.first || len(t.low) < 2 || classOf(t.low)&(cHonorific|cVocative) != 0 {
			continue
		}
		switch t.low {
		case "i'm", "i'd", "i'll", "i've":
			continue
		}
		var first rune
		rest := false
		for i, r := range t.text {
			if i == 0 {
				first = r
			} else if unicode.IsLower(r) {
				rest = true
			}
		}
		switch {
		case unicode.IsLower(first):
			lower = true
		case unicode.IsUpper(first) && rest:
			title = true
		}
	}
	return title && lower
}

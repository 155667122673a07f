package names

import "strings"

// pattern is one way of stating a name: "nama saya …", "I'm …".
type pattern struct {
	// label names the pattern in a Result: "nama saya", "my name is".
	label string
	// spec is the words of the pattern, space-separated. "a|b" matches
	// either word, a trailing "?" makes a step optional, and punctuation
	// matches itself: "nama lengkap|panggilan? saya|sy :?".
	spec string
	// strong patterns say outright that a name follows; the words after a
	// weak one need the extra evidence described in the package comment.
	strong bool
	// clause patterns must open their clause: only greetings, fillers and
	// forms of address may stand before them.
	clause bool
	// needCase patterns ("gue") need a capitalised name in a message that
	// trusts its capitals.
	needCase bool
	// anchors, when set, are word sequences one of which must follow the
	// name: "dengan Fajar di sini".
	anchors [][]string
	// strictFollow patterns need a comma, a form of address or a word such
	// as "dari" after the name; the end of the message is not enough.
	// "Perkenalkan, Reza dari CV Sinar" is a name, "Perkenalkan Glowskin!"
	// is a product.
	strictFollow bool

	steps []step
}

// step is one word of a pattern.
type step struct {
	alts []string
	opt  bool
}

// fill are the words that may stand between a strong pattern and the name.
const fill = "adalah|ialah|yaitu|yakni? :|-|=?"

var patterns = []*pattern{
	// Strong patterns, Indonesian.
	{label: "nama saya", spec: "nama lengkap|panggilan? saya|sy|sya sendiri? " + fill, strong: true},
	{label: "nama aku", spec: "nama lengkap|panggilan? aku|aq|ku|gue|gw|gua|ane " + fill, strong: true},
	{label: "namaku", spec: "namaku|namaq|lengkapku|panggilanku " + fill, strong: true},
	{label: "nama:", spec: "nama|nm lengkap|panggilan|pemesan|customer? :|=", strong: true},
	{label: "panggilan saya", spec: "panggilan saya|sy|sya|aku|aq " + fill, strong: true},
	{label: "panggil saja", spec: "panggil|pangil saja|aja|aj|sj|sja saya|sy|sya|aku|aq|gue|gw? dengan|dgn?", strong: true},
	{label: "panggil aku", spec: "panggil|pangil saya|sy|sya|aku|aq|gue|gw saja|aja|aj|sj|sja? dengan|dgn?", strong: true},
	{label: "dipanggil", spec: "biasa|bisa|akrab|sering|biasanya|saya|sy|sya|aku|aq dipanggil|dipangil", strong: true},
	{label: "dipanggil", spec: "biasa|bisa|akrab|sering|biasanya|saya|sy|sya|aku|aq di panggil|pangil", strong: true},
	{label: "saya bernama", spec: "saya|sy|sya|aku|aq yang|yg? bernama", strong: true},
	{label: "atas nama", spec: "saya|sy|sya|aku|aq atas nama", strong: true},
	{label: "dengan … di sini", spec: "dengan|dgn|dg", strong: true, clause: true,
		anchors: [][]string{{"di", "sini"}, {"disini"}, {"disni"}, {"di", "sni"}}},

	// Strong patterns, English.
	{label: "my name is", spec: "my full|first|nick? name|name's|names|nama is? :|-?", strong: true},
	{label: "name:", spec: "name :|=", strong: true},
	{label: "name:", spec: "full|first|nick name :|=", strong: true},
	{label: "call me", spec: "call|calls me", strong: true},
	{label: "I'm called", spec: "i'm|im called", strong: true},
	{label: "I'm called", spec: "i am called", strong: true},
	{label: "I go by", spec: "i go by", strong: true},
	{label: "it's … here", spec: "it's|its", strong: true, clause: true, anchors: [][]string{{"here"}}},
	{label: "it's … here", spec: "it is", strong: true, clause: true, anchors: [][]string{{"here"}}},

	// Weak patterns.
	{label: "perkenalkan, saya", spec: "perkenalkan|kenalkan|kenalin|perkenalan|kenalan ,|:? saya|sy|sya|aku|aq", clause: true},
	{label: "perkenalkan", spec: "perkenalkan|kenalkan|kenalin|perkenalan ,|:?", clause: true, strictFollow: true},
	{label: "ini dengan", spec: "ini dengan|dgn|dg", clause: true},
	{label: "saya", spec: "saya|sy|sya", clause: true},
	{label: "aku", spec: "aku|aq", clause: true},
	{label: "gue", spec: "gue|gw|gua|ane", clause: true, needCase: true},
	{label: "I'm", spec: "i'm|im", clause: true},
	{label: "I am", spec: "i am", clause: true},
	{label: "I am", spec: "iam", clause: true},
	{label: "this is", spec: "this is", clause: true},
}

// byFirstWord lists the patterns under each word their first step
// accepts, so that only those are tried at a token.
var byFirstWord = func() map[string][]*pattern {
	m := make(map[string][]*pattern)
	for _, p := range patterns {
		for _, f := range strings.Fields(p.spec) {
			s := step{opt: strings.HasSuffix(f, "?")}
			s.alts = strings.Split(strings.TrimSuffix(f, "?"), "|")
			p.steps = append(p.steps, s)
		}
		if p.steps[0].opt {
			panic("names: pattern " + p.spec + " starts with an optional step")
		}
		for _, w := range p.steps[0].alts {
			m[w] = append(m[w], p)
		}
	}
	return m
}()

// match returns the index just past the pattern when it matches toks at i.
// Optional steps are taken greedily.
func (p *pattern) match(toks []token, i int) (int, bool) {
	for _, s := range p.steps {
		if i < len(toks) && toks[i].kind != kJunk && contains(s.alts, toks[i].low) {
			i++
			continue
		}
		if !s.opt {
			return 0, false
		}
	}
	return i, true
}

// anchored reports whether one of the pattern's anchors follows at i.
func (p *pattern) anchored(toks []token, i int) bool {
	for _, a := range p.anchors {
		if i+len(a) > len(toks) {
			continue
		}
		ok := true
		for k, w := range a {
			if toks[i+k].kind != kWord || toks[i+k].low != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

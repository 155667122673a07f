package inbound

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"kontak/backend/apperr"
)

// Keyword match modes of a rule.
const (
	MatchExact    = "exact"    // the whole message is one of the keywords
	MatchContains = "contains" // the message contains a keyword
	MatchStarts   = "starts"   // the message starts with a keyword
	MatchRegex    = "regex"    // a keyword is a regular expression that matches
)

// Rule is an auto-reply rule.
type Rule struct {
	ID          uint64   `json:"id"`
	Name        string   `json:"name"`
	Enabled     bool     `json:"enabled"`
	Position    int      `json:"position"` // rules are tried in this order, lowest first
	Keywords    []string `json:"keywords"`
	Match       string   `json:"match"`
	Reply       string   `json:"reply"` // may use {name} and {phone}
	CooldownSec int      `json:"cooldownSec"`
	SaveContact bool     `json:"saveContact"`
	SaveGroups  []uint64 `json:"saveGroups"` // where "Save contact" puts the sender
	Whitelist   []uint64 `json:"whitelist"`  // only contacts in one of these groups (empty: everyone)
	Blacklist   []uint64 `json:"blacklist"`  // never contacts in one of these groups
}

// fold makes text comparable ignoring case and accents.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if out, _, err := transform.String(t, s); err == nil {
			s = out
		}
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// validate cleans a rule and checks it, compiling regular expressions so that a bad one
// is refused when saved rather than failing on every message.
func (r *Rule) validate() error {
	r.Name = strings.TrimSpace(r.Name)
	if r.Name == "" {
		return apperr.New(apperr.Invalid, "rule.name.empty", "a rule needs a name").OnField("name")
	}
	if r.Match == "" {
		r.Match = MatchContains
	}
	if !slices.Contains([]string{MatchExact, MatchContains, MatchStarts, MatchRegex}, r.Match) {
		return apperr.New(apperr.Invalid, "rule.match.invalid", fmt.Sprintf("unknown match mode %q", r.Match)).OnField("match")
	}
	var kws []string
	for _, k := range r.Keywords {
		if k = strings.TrimSpace(k); k != "" {
			kws = append(kws, k)
		}
	}
	r.Keywords = kws
	if len(r.Keywords) == 0 {
		return apperr.New(apperr.Invalid, "rule.keywords.empty", "a rule needs at least one keyword").OnField("keywords")
	}
	if r.Match == MatchRegex {
		for _, k := range r.Keywords {
			if _, err := regexp.Compile("(?i)" + k); err != nil {
				return apperr.New(apperr.Invalid, "rule.regex.invalid", fmt.Sprintf("%q is not a valid regular expression", k)).
					OnField("keywords").With("keyword", k)
			}
		}
	}
	if r.CooldownSec < 0 {
		r.CooldownSec = 0
	}
	if r.SaveContact && len(r.SaveGroups) == 0 {
		return apperr.New(apperr.Invalid, "rule.groups.empty", "choose the groups \"Save contact\" puts the sender in").OnField("saveGroups")
	}
	return nil
}

// matches reports whether the message text triggers the rule, and the keyword that did.
func (r *Rule) matches(text string) (string, bool) {
	t := fold(text)
	for _, k := range r.Keywords {
		switch r.Match {
		case MatchRegex:
			re, err := regexp.Compile("(?i)" + k)
			if err == nil && re.MatchString(text) || err == nil && re.MatchString(t) {
				return k, true
			}
		case MatchExact:
			if t == fold(k) || strings.Trim(t, " .!?") == fold(k) {
				return k, true
			}
		case MatchStarts:
			if strings.HasPrefix(t, fold(k)) {
				return k, true
			}
		default:
			if strings.Contains(t, fold(k)) {
				return k, true
			}
		}
	}
	return "", false
}

// Targeting decisions, also shown in the UI to explain who is answered.
const (
	AllowedEveryone    = "everyone"        // no whitelist, not blacklisted
	AllowedWhitelisted = "whitelisted"     // in a whitelist group
	BlockedBlacklist   = "blacklisted"     // in a blacklist group
	BlockedConflict    = "conflict"        // in both a whitelist and a blacklist group: blocked
	BlockedNotListed   = "not-whitelisted" // a whitelist exists and the contact is in none of it
)

// Decision says whether a contact may be answered, and why.
type Decision struct {
	Allowed bool     `json:"allowed"`
	Reason  string   `json:"reason"`
	Groups  []uint64 `json:"groups"` // the groups that decided it
}

// decide applies a whitelist and a blacklist to a contact's groups. Being in both is a
// block: a blacklist is a promise not to message someone.
func decide(groups, white, black []uint64) Decision {
	var inWhite, inBlack []uint64
	for _, g := range groups {
		if slices.Contains(white, g) {
			inWhite = append(inWhite, g)
		}
		if slices.Contains(black, g) {
			inBlack = append(inBlack, g)
		}
	}
	switch {
	case len(inBlack) > 0 && len(inWhite) > 0:
		return Decision{Reason: BlockedConflict, Groups: append(inWhite, inBlack...)}
	case len(inBlack) > 0:
		return Decision{Reason: BlockedBlacklist, Groups: inBlack}
	case len(white) > 0 && len(inWhite) == 0:
		return Decision{Reason: BlockedNotListed, Groups: []uint64{}}
	case len(inWhite) > 0:
		return Decision{Allowed: true, Reason: AllowedWhitelisted, Groups: inWhite}
	}
	return Decision{Allowed: true, Reason: AllowedEveryone, Groups: []uint64{}}
}

// render fills a reply's variables.
func render(reply, name, phone string) string {
	return strings.NewReplacer("{name}", name, "{phone}", phone, "{nama}", name).Replace(reply)
}

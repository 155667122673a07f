package inbound

import (
	"strings"
	"unicode"

	"kontak/backend/contacts"
)

// WhyOptOut is why a stop message got no reply: the sender asked not to be messaged.
const WhyOptOut = "opt-out"

// stopWords are the whole messages that mean "do not message me again".
var stopWords = []string{"stop", "berhenti", "unsubscribe", "unsub", "jangan kirim lagi"}

// IsStopMessage reports whether a message's whole text is a stop word, ignoring case,
// accents, blanks and the punctuation around it ("STOP!", " Berhenti. ").
func IsStopMessage(text string) bool {
	t := strings.TrimFunc(fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range stopWords {
		if t == w {
			return true
		}
	}
	return false
}

// optOut marks a known sender's contact as opted out, keeping everything else of it.
func (s *Service) optOut(id uint64) error {
	c, err := s.contacts.Contacts().Get(id)
	if err != nil {
		return err
	}
	if c.OptOut {
		return nil
	}
	yes := true
	_, err = s.contacts.Contacts().Update(id, contacts.ContactInput{Name: c.Name, Phone: c.Phone, Email: c.Email,
		GroupIDs: c.GroupIDs, Fields: c.Fields, OptOut: &yes})
	return err
}

package inbound

import (
	"os"

	"kontak/backend/apperr"
)

// Inbound is the incoming-messages service as bound to the interface. Every method
// recovers from panics so the interface always gets an answer.
type Inbound struct{ s *Service }

// Bound returns the face of the service bound to the interface.
func (s *Service) Bound() *Inbound { return &Inbound{s: s} }

// Rules lists the auto-reply rules in the order they are tried.
func (b *Inbound) Rules() (_ []Rule, err error) {
	defer apperr.Recover(&err, "list rules")
	if err := b.s.ready(); err != nil {
		return nil, err
	}
	return b.s.Rules(), nil
}

// SaveRule creates (ID 0) or updates a rule.
func (b *Inbound) SaveRule(r Rule) (_ Rule, err error) {
	defer apperr.Recover(&err, "save rule")
	return b.s.SaveRule(r)
}

// DeleteRule removes a rule.
func (b *Inbound) DeleteRule(id uint64) (_ bool, err error) {
	defer apperr.Recover(&err, "delete rule")
	return true, b.s.DeleteRule(id)
}

// Reorder sets the order in which the rules are tried.
func (b *Inbound) Reorder(ids []uint64) (_ []Rule, err error) {
	defer apperr.Recover(&err, "reorder rules")
	return b.s.Reorder(ids)
}

// Settings returns the incoming-message settings.
func (b *Inbound) Settings() (_ Settings, err error) {
	defer apperr.Recover(&err, "read settings")
	if err := b.s.ready(); err != nil {
		return Settings{}, err
	}
	return b.s.Settings(), nil
}

// UpdateSettings stores the settings and starts or stops the webhook.
func (b *Inbound) UpdateSettings(set Settings) (_ Settings, err error) {
	defer apperr.Recover(&err, "save settings")
	return b.s.UpdateSettings(set)
}

// WebhookStatus tells whether the webhook listens.
func (b *Inbound) WebhookStatus() (_ WebhookStatus, err error) {
	defer apperr.Recover(&err, "webhook status")
	return b.s.Webhook(), nil
}

// TestMessage is what the test box sends.
type TestMessage struct {
	From    string `json:"from"`
	Name    string `json:"name"`
	Message string `json:"message"`
}

// Test runs a typed message through the pipeline: with apply false it only tells what
// would happen; with apply true it happens and is logged.
func (b *Inbound) Test(t TestMessage, apply bool) (_ Outcome, err error) {
	defer apperr.Recover(&err, "test message")
	m := Message{From: t.From, PushName: t.Name, Text: t.Message, Source: "test"}
	if apply {
		return b.s.Process(m)
	}
	return b.s.Preview(m)
}

// Log returns activity log entries, newest first.
func (b *Inbound) Log(q LogQuery) (_ []Outcome, err error) {
	defer apperr.Recover(&err, "read activity log")
	return b.s.Log(q)
}

// RuleDecision says whether one rule may answer a contact.
type RuleDecision struct {
	RuleID   uint64   `json:"ruleId"`
	RuleName string   `json:"ruleName"`
	Enabled  bool     `json:"enabled"`
	Decision Decision `json:"decision"`
}

// Explanation tells why a contact is or is not answered, by the auto replies and by the
// AI agent.
type Explanation struct {
	AutoReply Decision       `json:"autoReply"`
	Agent     Decision       `json:"agent"`
	Rules     []RuleDecision `json:"rules"`
}

// Explain tells who answers a contact and why.
func (b *Inbound) Explain(contactID uint64) (_ Explanation, err error) {
	defer apperr.Recover(&err, "explain")
	s := b.s
	if err := s.ready(); err != nil {
		return Explanation{}, err
	}
	c, err := s.contacts.Contacts().Get(contactID)
	if err != nil {
		return Explanation{}, err
	}
	set := s.Settings()
	out := Explanation{
		AutoReply: decide(c.GroupIDs, set.ReplyWhitelist, set.ReplyBlacklist),
		Agent:     decide(c.GroupIDs, set.AgentWhitelist, set.AgentBlacklist),
		Rules:     []RuleDecision{},
	}
	if !set.AgentEnabled {
		out.Agent = Decision{Reason: "agent-off", Groups: []uint64{}}
	}
	for _, r := range s.Rules() {
		out.Rules = append(out.Rules, RuleDecision{RuleID: r.ID, RuleName: r.Name, Enabled: r.Enabled,
			Decision: decide(c.GroupIDs, r.Whitelist, r.Blacklist)})
	}
	return out, nil
}

// ChatSummary is a chat export run through the pipeline, previewed or applied.
type ChatSummary struct {
	Layout     string    `json:"layout"`
	Messages   int       `json:"messages"`
	Skipped    int       `json:"skipped"`
	Unresolved int       `json:"unresolved"`
	Replies    int       `json:"replies"`
	NewCount   int       `json:"newContacts"`
	Names      int       `json:"names"`
	Saved      []Saved   `json:"saved"` // who would be (or was) saved into which groups
	Outcomes   []Outcome `json:"outcomes"`
	DryRun     bool      `json:"dryRun"`
}

// Saved is one sender saved into groups.
type Saved struct {
	Phone   string   `json:"phone"`
	Display string   `json:"display"`
	Name    string   `json:"name"`
	Groups  []uint64 `json:"groups"`
	New     bool     `json:"new"`
}

// ChatImport reads a WhatsApp "Export chat" file and runs each message through the
// pipeline; with apply false nothing is written (the preview).
func (b *Inbound) ChatImport(path string, apply bool) (_ ChatSummary, err error) {
	defer apperr.Recover(&err, "chat import")
	return b.s.ChatImport(path, apply)
}

// ChatImport is Inbound.ChatImport for the CLI.
func (s *Service) ChatImport(path string, apply bool) (ChatSummary, error) {
	if err := s.ready(); err != nil {
		return ChatSummary{}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return ChatSummary{}, apperr.New(apperr.Invalid, "chat.file.unreadable", "the file cannot be read: "+err.Error()).With("detail", err.Error())
	}
	defer f.Close()
	ex, err := ReadChatExport(f)
	if err != nil {
		return ChatSummary{}, err
	}
	sum := ChatSummary{Layout: ex.Layout, Messages: len(ex.Messages), Skipped: ex.Skipped, DryRun: !apply,
		Saved: []Saved{}, Outcomes: []Outcome{}}
	seen := map[string]int{}
	for _, m := range ex.Messages {
		m.Source = "chat-export"
		// The user chose this chat to import, so its senders go through the rules even
		// when it is a group chat; nothing is sent back to an export anyway.
		m.Group = false
		var o Outcome
		if apply {
			o, err = s.Process(m)
		} else {
			o, err = s.Preview(m)
		}
		if err != nil {
			return sum, err
		}
		if o.Why == WhyUnresolved {
			sum.Unresolved++
		}
		if o.Reply != "" {
			sum.Replies++
		}
		if o.StatedName != "" {
			sum.Names++
		}
		if len(o.SavedGroups) > 0 {
			if i, ok := seen[o.Phone]; ok {
				sum.Saved[i].Groups = append(sum.Saved[i].Groups, o.SavedGroups...)
			} else {
				seen[o.Phone] = len(sum.Saved)
				sum.Saved = append(sum.Saved, Saved{Phone: o.Phone, Display: o.Display, Name: o.ContactName,
					Groups: o.SavedGroups, New: o.Created})
				if o.Created {
					sum.NewCount++
				}
			}
		}
		if len(sum.Outcomes) < 500 {
			sum.Outcomes = append(sum.Outcomes, o)
		}
	}
	return sum, nil
}

// IsChatExport tells whether the file at path looks like a WhatsApp "Export chat" file,
// reading only its start (see SniffChatExport). A dropped file is routed with it: a chat
// export goes to the chat import preview, anything else to the contact import.
func (b *Inbound) IsChatExport(path string) (_ bool, err error) {
	defer apperr.Recover(&err, "sniff chat export")
	f, err := os.Open(path)
	if err != nil {
		return false, apperr.New(apperr.Invalid, "chat.file.unreadable", "the file cannot be read: "+err.Error()).With("detail", err.Error())
	}
	defer f.Close()
	return SniffChatExport(f), nil
}

// DetectName returns the name a message states, "" for none: the AI Agent screen's
// try-out box. It answers whether or not name detection is switched on.
func (b *Inbound) DetectName(message string) (_ string, err error) {
	defer apperr.Recover(&err, "detect name")
	if b.s == nil || b.s.detect == nil {
		return "", nil
	}
	return b.s.detect(message), nil
}

package inbound

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"kontak/backend/apperr"
	"kontak/backend/contacts"
	"kontak/backend/phone"
)

// Settings are the global switches of incoming messages.
type Settings struct {
	// ReplyWhitelist and ReplyBlacklist decide who gets auto replies.
	ReplyWhitelist []uint64 `json:"replyWhitelist"`
	ReplyBlacklist []uint64 `json:"replyBlacklist"`
	// The AI agent, of which name detection is a part, has its own lists.
	AgentEnabled   bool     `json:"agentEnabled"`
	AgentWhitelist []uint64 `json:"agentWhitelist"`
	AgentBlacklist []uint64 `json:"agentBlacklist"`
	NameDetection  bool     `json:"nameDetection"`
	// The local webhook for a WhatsApp gateway on this machine.
	WebhookEnabled bool   `json:"webhookEnabled"`
	WebhookPort    int    `json:"webhookPort"`
	WebhookToken   string `json:"webhookToken"`
}

// Why a message got no reply.
const (
	WhyUnresolved = "unresolved"  // the sender is a @lid or has no usable number
	WhyGroupChat  = "group-chat"  // auto replies answer private chats only
	WhyNoRule     = "no-rule"     // no enabled rule matched
	WhyCooldown   = "cooldown"    // the rule answered this sender a moment ago
	WhyRuleTarget = "rule-target" // the matching rule's own lists exclude the sender
)

// Outcome is what the pipeline did with one message; it is also the activity log entry.
type Outcome struct {
	ID          uint64   `json:"id"`
	At          int64    `json:"at"` // Unix milliseconds
	Message     Message  `json:"message"`
	Phone       string   `json:"phone"` // canonical; "" when unresolved
	Display     string   `json:"display"`
	ContactID   uint64   `json:"contactId"`
	ContactName string   `json:"contactName"`
	Created     bool     `json:"created"`
	Targeting   Decision `json:"targeting"` // the global auto-reply lists
	RuleID      uint64   `json:"ruleId"`
	RuleName    string   `json:"ruleName"`
	Keyword     string   `json:"keyword"`
	Reply       string   `json:"reply"`
	Why         string   `json:"why"` // why there is no reply
	SavedGroups []uint64 `json:"savedGroups"`
	StatedName  string   `json:"statedName"`
	NameOutcome string   `json:"nameOutcome"` // applied, suggested, unchanged, or "" when no name
	OptedOut    bool     `json:"optedOut"`    // a stop message marked the contact as opted out
	DryRun      bool     `json:"dryRun"`
}

// process runs one message through the pipeline. With apply false nothing is written
// (the test box's "what would happen", a chat export's preview).
func (s *Service) process(m Message, apply bool) (Outcome, error) {
	now := s.now()
	if m.Time.IsZero() {
		m.Time = now
	}
	out := Outcome{At: now.UnixMilli(), Message: m, DryRun: !apply, SavedGroups: []uint64{},
		Targeting: Decision{Groups: []uint64{}}}
	raw, ok := SenderPhone(m.From)
	var res phone.Result
	if ok {
		res = s.phones.Normalizer().Normalize(raw)
	}
	if !ok || res.Status != phone.StatusValid {
		out.Why = WhyUnresolved
		return s.finish(out, apply)
	}
	out.Phone, out.Display = res.Phone, res.Display

	s.mu.Lock()
	rules := slices.Clone(s.rules)
	set := s.settings
	s.mu.Unlock()

	existing, groups, known, err := s.contacts.ExistingByPhone(res.Phone)
	if err != nil {
		return out, err
	}
	name := m.PushName
	if known {
		out.ContactID, out.ContactName = existing.ID, existing.Name
		name = existing.Name
	}
	out.Targeting = decide(groups, set.ReplyWhitelist, set.ReplyBlacklist)

	// A stop message in a private chat is never answered; it marks the sender's contact
	// as opted out.
	if !m.Group && IsStopMessage(m.Text) {
		out.Why = WhyOptOut
		if known {
			if apply {
				if err := s.optOut(existing.ID); err != nil {
					return out, err
				}
			}
			out.OptedOut = true
		}
		return s.finish(out, apply)
	}

	var rule *Rule
	switch {
	case m.Group:
		out.Why = WhyGroupChat
	case !out.Targeting.Allowed:
		out.Why = out.Targeting.Reason
	default:
		out.Why = WhyNoRule
		for i := range rules {
			r := &rules[i]
			if !r.Enabled {
				continue
			}
			kw, hit := r.matches(m.Text)
			if !hit {
				continue
			}
			out.RuleID, out.RuleName, out.Keyword = r.ID, r.Name, kw
			if d := decide(groups, r.Whitelist, r.Blacklist); !d.Allowed {
				out.Why = WhyRuleTarget + ":" + d.Reason
				break
			}
			if r.CooldownSec > 0 && s.inCooldown(r.ID, res.Phone, now, time.Duration(r.CooldownSec)*time.Second, apply) {
				out.Why = WhyCooldown
				break
			}
			rule, out.Why = r, ""
			if name == "" && set.AgentEnabled && set.NameDetection && s.detect != nil && !m.Group {
				// A stranger without a push name who says their name is greeted by it.
				name = s.detect(m.Text)
			}
			out.Reply = render(r.Reply, name, res.Display)
			break
		}
	}

	if rule != nil && rule.SaveContact {
		out.SavedGroups = slices.Clone(rule.SaveGroups)
		if apply {
			c, created, err := s.contacts.SaveSender(res.Phone, m.PushName, rule.SaveGroups)
			if err != nil {
				return out, err
			}
			out.ContactID, out.ContactName, out.Created, groups = c.ID, c.Name, created, c.GroupIDs
			known = true
		} else if !known {
			out.Created = true
		}
	}

	if set.AgentEnabled && set.NameDetection && s.detect != nil && !m.Group {
		if stated := s.detect(m.Text); stated != "" {
			out.StatedName = stated
			agent := decide(groups, set.AgentWhitelist, set.AgentBlacklist)
			switch {
			case !agent.Allowed:
				out.NameOutcome = "agent-" + agent.Reason
			case known && apply:
				o, err := s.contacts.ApplyStatedName(out.ContactID, stated)
				if err != nil {
					return out, err
				}
				out.NameOutcome = o
				if o == contacts.NameApplied {
					out.ContactName = stated
				}
			case known:
				out.NameOutcome = "would-apply"
			default:
				out.NameOutcome = "no-contact"
			}
		}
	}
	return s.finish(out, apply)
}

// inCooldown reports whether the rule answered this phone less than d ago, and records
// this answer when it is real.
func (s *Service) inCooldown(rule uint64, phone string, now time.Time, d time.Duration, apply bool) bool {
	key := strconv.FormatUint(rule, 10) + ":" + phone
	s.mu.Lock()
	defer s.mu.Unlock()
	if last, ok := s.cooldown[key]; ok && now.Sub(last) < d {
		return true
	}
	if apply {
		s.cooldown[key] = now
	}
	return false
}

// finish writes the log entry of a real run.
func (s *Service) finish(out Outcome, apply bool) (Outcome, error) {
	if !apply {
		return out, nil
	}
	id, err := s.db.NextID("log")
	if err != nil {
		return out, apperr.Wrap(err, "write activity log")
	}
	out.ID = id
	if err := s.putLog(out); err != nil {
		return out, apperr.Wrap(err, "write activity log")
	}
	return out, nil
}

func ruleNotFound(id uint64) error {
	return apperr.New(apperr.NotFound, "rule.not_found", fmt.Sprintf("rule %d does not exist", id)).
		With("id", strconv.FormatUint(id, 10))
}

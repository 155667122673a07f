package inbound

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"kontak/backend/apperr"
	"kontak/backend/contacts"
	"kontak/backend/events"
	"kontak/backend/store"
)

// Event names of this package.
const (
	// ActivityAdded follows every message the pipeline handled for real; the payload
	// is the Outcome.
	ActivityAdded = "inbound:activity"
	// RulesChanged follows a change to the rules or the settings.
	RulesChanged = "inbound:changed"
)

// Document kinds this package keeps in the store.
const (
	docRule     = "rule"
	docLog      = "log"
	docSettings = "inbound-settings"
)

// Config gives the service its collaborators.
type Config struct {
	DB       *store.DB
	Contacts *contacts.Service
	Phones   contacts.PhoneRules
	Emit     events.Emitter
	Now      func() time.Time
	// DetectName finds a name a customer states in a message ("" for none).
	DetectName func(message string) string
}

// Service runs incoming messages through the rules and keeps the rules, the settings and
// the activity log.
type Service struct {
	db       *store.DB
	contacts *contacts.Service
	phones   contacts.PhoneRules
	emit     events.Emitter
	now      func() time.Time
	detect   func(string) string

	mu       sync.Mutex
	rules    []Rule // by position
	settings Settings
	cooldown map[string]time.Time
	webhook  *Webhook
	hookAddr string
	hookErr  string
}

// New loads the rules and settings and starts the webhook when it is switched on.
func New(c Config) (*Service, error) {
	s := &Service{db: c.DB, contacts: c.Contacts, phones: c.Phones, emit: c.Emit, now: c.Now,
		detect: c.DetectName, cooldown: map[string]time.Time{}}
	if s.emit == nil {
		s.emit = events.Discard{}
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.db == nil {
		return s, nil
	}
	if err := s.load(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Service) load() error {
	var rules []Rule
	err := s.db.Docs(docRule, false, func(id uint64, raw []byte) error {
		var r Rule
		if err := json.Unmarshal(raw, &r); err != nil {
			return err
		}
		rules = append(rules, r)
		return nil
	})
	if err != nil {
		return apperr.Wrap(err, "read rules")
	}
	slices.SortStableFunc(rules, func(a, b Rule) int { return a.Position - b.Position })
	set := Settings{NameDetection: true, AgentEnabled: true, WebhookPort: 8765}
	err = s.db.View(func(t *store.Txn) error {
		err := t.Doc(docSettings, 1, &set)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		return err
	})
	if err != nil {
		return apperr.Wrap(err, "read settings")
	}
	s.rules, s.settings = rules, set
	return nil
}

func (s *Service) ready() error {
	if s == nil || s.db == nil {
		return apperr.New(apperr.Internal, "data.unavailable", "the data folder is not open")
	}
	return nil
}

// Process runs a message through the pipeline and writes what it did.
func (s *Service) Process(m Message) (Outcome, error) {
	if err := s.ready(); err != nil {
		return Outcome{}, err
	}
	out, err := s.process(m, true)
	if err == nil {
		s.emit.Emit(ActivityAdded, out)
	}
	return out, err
}

// Preview tells what the pipeline would do with a message, writing nothing.
func (s *Service) Preview(m Message) (Outcome, error) {
	if err := s.ready(); err != nil {
		return Outcome{}, err
	}
	return s.process(m, false)
}

// Handle is the webhook's handler: it processes the message and returns the reply.
func (s *Service) Handle(_ context.Context, m Message) (string, error) {
	m.Source = "webhook"
	out, err := s.Process(m)
	return out.Reply, err
}

func (s *Service) putLog(o Outcome) error {
	return s.db.Update(func(t *store.Txn) error { return t.PutDoc(docLog, o.ID, o) })
}

// LogQuery selects activity log entries, newest first.
type LogQuery struct {
	Text   string `json:"text"`   // matched against sender, name, message, rule and reply
	Before uint64 `json:"before"` // only entries older than this ID (for paging); 0 = newest
	Limit  int    `json:"limit"`  // default 100, at most 500
}

// Log returns activity log entries, newest first.
func (s *Service) Log(q LogQuery) ([]Outcome, error) {
	if err := s.ready(); err != nil {
		return nil, err
	}
	if q.Limit <= 0 || q.Limit > 500 {
		q.Limit = 100
	}
	text := fold(q.Text)
	out := []Outcome{}
	err := s.db.Docs(docLog, true, func(id uint64, raw []byte) error {
		if q.Before != 0 && id >= q.Before {
			return nil
		}
		var o Outcome
		if err := json.Unmarshal(raw, &o); err != nil {
			return nil // a damaged entry is skipped, not fatal to the log
		}
		if text != "" && !strings.Contains(fold(strings.Join([]string{o.Message.From, o.Message.PushName,
			o.Message.Text, o.Phone, o.ContactName, o.RuleName, o.Reply, o.Why}, " ")), text) {
			return nil
		}
		out = append(out, o)
		if len(out) == q.Limit {
			return store.ErrStop
		}
		return nil
	})
	if err != nil {
		return nil, apperr.Wrap(err, "read activity log")
	}
	return out, nil
}

// Rules returns the rules in the order they are tried.
func (s *Service) Rules() []Rule {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.rules)
}

// SaveRule creates a rule (ID 0) or replaces one.
func (s *Service) SaveRule(r Rule) (Rule, error) {
	if err := s.ready(); err != nil {
		return Rule{}, err
	}
	if err := r.validate(); err != nil {
		return Rule{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	i := slices.IndexFunc(s.rules, func(x Rule) bool { return x.ID == r.ID })
	if r.ID == 0 {
		id, err := s.db.NextID(docRule)
		if err != nil {
			return Rule{}, apperr.Wrap(err, "save rule")
		}
		r.ID, r.Position = id, len(s.rules)
	} else if i < 0 {
		return Rule{}, ruleNotFound(r.ID)
	} else {
		r.Position = s.rules[i].Position
	}
	if err := s.db.Update(func(t *store.Txn) error { return t.PutDoc(docRule, r.ID, r) }); err != nil {
		return Rule{}, apperr.Wrap(err, "save rule")
	}
	if i < 0 {
		s.rules = append(s.rules, r)
	} else {
		s.rules[i] = r
	}
	s.emit.Emit(RulesChanged, struct{}{})
	return r, nil
}

// DeleteRule removes a rule.
func (s *Service) DeleteRule(id uint64) error {
	if err := s.ready(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	i := slices.IndexFunc(s.rules, func(x Rule) bool { return x.ID == id })
	if i < 0 {
		return ruleNotFound(id)
	}
	if err := s.db.Update(func(t *store.Txn) error { return t.DeleteDoc(docRule, id) }); err != nil {
		return apperr.Wrap(err, "delete rule")
	}
	s.rules = slices.Delete(s.rules, i, i+1)
	s.emit.Emit(RulesChanged, struct{}{})
	return nil
}

// Reorder sets the order in which rules are tried: ids lists every rule once.
func (s *Service) Reorder(ids []uint64) ([]Rule, error) {
	if err := s.ready(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(ids) != len(s.rules) {
		return nil, apperr.New(apperr.Invalid, "rule.order.invalid", "the new order must list every rule once")
	}
	next := make([]Rule, 0, len(ids))
	for pos, id := range ids {
		i := slices.IndexFunc(s.rules, func(x Rule) bool { return x.ID == id })
		if i < 0 || slices.ContainsFunc(next, func(x Rule) bool { return x.ID == id }) {
			return nil, apperr.New(apperr.Invalid, "rule.order.invalid", "the new order must list every rule once")
		}
		r := s.rules[i]
		r.Position = pos
		next = append(next, r)
	}
	err := s.db.Update(func(t *store.Txn) error {
		for _, r := range next {
			if err := t.PutDoc(docRule, r.ID, r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, apperr.Wrap(err, "reorder rules")
	}
	s.rules = next
	s.emit.Emit(RulesChanged, struct{}{})
	return slices.Clone(next), nil
}

// Settings returns the incoming-message settings.
func (s *Service) Settings() Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings
}

// UpdateSettings stores the settings and starts or stops the webhook to match.
func (s *Service) UpdateSettings(set Settings) (Settings, error) {
	if err := s.ready(); err != nil {
		return Settings{}, err
	}
	set.WebhookToken = strings.TrimSpace(set.WebhookToken)
	if set.WebhookEnabled {
		if set.WebhookPort < 1024 || set.WebhookPort > 65535 {
			return Settings{}, apperr.New(apperr.Invalid, "webhook.port.invalid", "choose a port from 1024 to 65535").OnField("webhookPort")
		}
		if len(set.WebhookToken) < 16 {
			return Settings{}, apperr.New(apperr.Invalid, "webhook.token.weak", "the secret token needs at least 16 characters").OnField("webhookToken")
		}
	}
	if err := s.db.Update(func(t *store.Txn) error { return t.PutDoc(docSettings, 1, set) }); err != nil {
		return Settings{}, apperr.Wrap(err, "save settings")
	}
	s.mu.Lock()
	s.settings = set
	s.mu.Unlock()
	err := s.applyWebhook()
	s.emit.Emit(RulesChanged, struct{}{})
	return set, err
}

// WebhookStatus says whether the webhook listens, and where.
type WebhookStatus struct {
	Running bool   `json:"running"`
	Address string `json:"address"`
	Error   string `json:"error"`
}

// Webhook reports the webhook's state.
func (s *Service) Webhook() WebhookStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	return WebhookStatus{Running: s.webhook != nil, Address: s.hookAddr, Error: s.hookErr}
}

// applyWebhook starts, restarts or stops the webhook to match the settings.
func (s *Service) applyWebhook() error {
	s.mu.Lock()
	set, old := s.settings, s.webhook
	s.webhook, s.hookAddr, s.hookErr = nil, "", ""
	s.mu.Unlock()
	if old != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		old.Stop(ctx)
		cancel()
	}
	if !set.WebhookEnabled {
		return nil
	}
	w := NewWebhook(WebhookConfig{Port: set.WebhookPort, Token: set.WebhookToken}, s)
	addr, err := w.Start()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.hookErr = apperr.Public(err).Code
		slog.Warn("webhook", "err", err)
		return err
	}
	s.webhook, s.hookAddr = w, addr
	return nil
}

// Start starts the webhook if the settings ask for it; the app calls it once at start-up.
func (s *Service) Start() error {
	if s.db == nil {
		return nil
	}
	return s.applyWebhook()
}

// Close stops the webhook.
func (s *Service) Close() error {
	s.mu.Lock()
	w := s.webhook
	s.webhook = nil
	s.mu.Unlock()
	if w == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	return w.Stop(ctx)
}

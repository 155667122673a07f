package campaigns

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"kontak/backend/apperr"
	"kontak/backend/contacts"
	"kontak/backend/events"
	"kontak/backend/store"
)

// Document kinds of this package (store keys.go: o/<kind>/<id>); the contacts an output
// reached are under x/ (store reached.go).
const (
	docItem   = "campaign"
	docOutput = "output"
)

// Config gives the service its collaborators.
type Config struct {
	DB       *store.DB
	Contacts *contacts.Service
	Emit     events.Emitter
	Now      func() time.Time // nil means time.Now
	// NewID allocates an ID from a named sequence ("campaign", "output"); nil means the
	// store's persistent sequences.
	NewID func(sequence string) (uint64, error)
}

// Service holds the saved items and computes audiences.
type Service struct {
	db       *store.DB
	contacts *contacts.Service
	emit     events.Emitter
	now      func() time.Time
	newID    func(string) (uint64, error)

	// mu serialises writes of items and outputs, and guards last.
	mu   sync.Mutex
	last *lastContacted // loaded on first need
}

// New builds the service.
func New(c Config) (*Service, error) {
	s := &Service{db: c.DB, contacts: c.Contacts, emit: c.Emit, now: c.Now, newID: c.NewID}
	if s.emit == nil {
		s.emit = events.Discard{}
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.newID == nil && s.db != nil {
		s.newID = s.db.NextID
	}
	return s, nil
}

func (s *Service) ready() error {
	if s == nil || s.db == nil || s.contacts == nil {
		return apperr.New(apperr.Internal, "data.unavailable", "the data folder is not open")
	}
	return nil
}

func notFound(id uint64) *apperr.Error {
	return apperr.New(apperr.NotFound, "campaign.not_found", fmt.Sprintf("campaign %d does not exist", id)).
		With("id", strconv.FormatUint(id, 10))
}

// lastContacted is when an output last reached each contact: ascending contact IDs and
// the time beside each. Half a million contacts take 8 MB.
type lastContacted struct {
	ids []uint64
	at  []int64
}

// lastLocked returns the lookup, loading it from the store the first time. s.mu is held.
func (s *Service) lastLocked() (*lastContacted, error) {
	if s.last != nil {
		return s.last, nil
	}
	outputs := map[uint64]bool{}
	err := s.db.Docs(docOutput, false, func(id uint64, _ []byte) error {
		outputs[id] = true
		return nil
	})
	if err != nil {
		return nil, apperr.Wrap(err, "read outputs")
	}
	latest := map[uint64]int64{}
	err = s.db.EachReached(func(out uint64, at int64, cid uint64) {
		if outputs[out] && at > latest[cid] {
			latest[cid] = at
		}
	})
	if err != nil {
		return nil, apperr.Wrap(err, "read outputs")
	}
	l := &lastContacted{ids: make([]uint64, 0, len(latest))}
	for id := range latest {
		l.ids = append(l.ids, id)
	}
	slices.Sort(l.ids)
	l.at = make([]int64, len(l.ids))
	for i, id := range l.ids {
		l.at[i] = latest[id]
	}
	s.last = l
	return l, nil
}

// merge records that the contacts ids (ascending) were reached at at.
func (l *lastContacted) merge(ids []uint64, at int64) {
	outIDs := make([]uint64, 0, len(l.ids)+len(ids))
	outAt := make([]int64, 0, cap(outIDs))
	i, j := 0, 0
	for i < len(l.ids) || j < len(ids) {
		switch {
		case j == len(ids) || (i < len(l.ids) && l.ids[i] < ids[j]):
			outIDs, outAt = append(outIDs, l.ids[i]), append(outAt, l.at[i])
			i++
		case i == len(l.ids) || ids[j] < l.ids[i]:
			outIDs, outAt = append(outIDs, ids[j]), append(outAt, at)
			j++
		default:
			outIDs, outAt = append(outIDs, ids[j]), append(outAt, max(at, l.at[i]))
			i++
			j++
		}
	}
	l.ids, l.at = outIDs, outAt
}

func (l *lastContacted) since(cutoff int64) []uint64 {
	var out []uint64
	for i, t := range l.at {
		if t >= cutoff {
			out = append(out, l.ids[i])
		}
	}
	return out
}

func (l *lastContacted) of(id uint64) int64 {
	if i, ok := slices.BinarySearch(l.ids, id); ok {
		return l.at[i]
	}
	return 0
}

// spec turns an audience into the contacts service's form; NotContactedDays needs the
// "last contacted" lookup.
func (s *Service) spec(a Audience) (contacts.AudienceSpec, *lastContacted, error) {
	sp := contacts.AudienceSpec{Include: a.Include, Exclude: a.Exclude, HasEmail: a.HasEmail,
		AddedSince: a.AddedSince, Source: a.Source}
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := s.lastLocked()
	if err != nil {
		return sp, nil, err
	}
	if a.NotContactedDays > 0 {
		cutoff := s.now().Add(-time.Duration(a.NotContactedDays) * 24 * time.Hour).UnixMilli()
		sp.Recent = l.since(cutoff)
	}
	return sp, l, nil
}

func countOf(c contacts.AudienceCount) Count {
	out := Count{Recipients: c.Recipients, InGroups: c.InGroups, ExcludedByGroup: c.ExcludedByGroup,
		OptedOut: c.OptedOut, InvalidPhone: c.InvalidPhone, Filtered: c.Filtered,
		RecentlyContacted: c.RecentlyContacted, MissingGroups: c.MissingGroups}
	if out.MissingGroups == nil {
		out.MissingGroups = []uint64{}
	}
	return out
}

// Count sizes an audience.
func (s *Service) Count(a Audience) (Count, error) {
	if err := s.ready(); err != nil {
		return Count{}, err
	}
	sp, _, err := s.spec(a)
	if err != nil {
		return Count{}, err
	}
	c, err := s.contacts.AudienceCount(sp)
	return countOf(c), err
}

// Page sizes of Recipients.
const (
	DefaultPageSize = 50
	MaxPageSize     = 500
)

// Recipients returns the count and one page of the recipient list.
func (s *Service) Recipients(a Audience, offset, limit int) (RecipientsPage, error) {
	if err := s.ready(); err != nil {
		return RecipientsPage{}, err
	}
	switch {
	case limit == 0:
		limit = DefaultPageSize
	case limit < 0 || limit > MaxPageSize:
		return RecipientsPage{}, apperr.New(apperr.Invalid, "request.invalid",
			fmt.Sprintf("page size must be between 1 and %d", MaxPageSize))
	}
	if offset < 0 {
		return RecipientsPage{}, apperr.New(apperr.Invalid, "request.invalid", "offset must not be negative")
	}
	sp, _, err := s.spec(a)
	if err != nil {
		return RecipientsPage{}, err
	}
	c, ids, err := s.contacts.AudiencePage(sp, offset, limit)
	if err != nil {
		return RecipientsPage{}, err
	}
	page := RecipientsPage{Count: countOf(c), Offset: offset, Items: []Recipient{}}
	for ct, err := range s.contacts.ReadContacts(ids) {
		if err != nil {
			return RecipientsPage{}, err
		}
		page.Items = append(page.Items, recipientOf(&ct, a.Include))
	}
	return page, nil
}

func recipientOf(c *contacts.Contact, include []uint64) Recipient {
	r := Recipient{ContactID: c.ID, Name: c.Name, Phone: c.Phone, Display: c.Display,
		Groups: c.GroupIDs, Via: []uint64{}}
	if r.Groups == nil {
		r.Groups = []uint64{}
	}
	for _, g := range c.GroupIDs {
		if slices.Contains(include, g) {
			r.Via = append(r.Via, g)
		}
	}
	return r
}

// Why explains one contact's place in an audience.
func (s *Service) Why(a Audience, contactID uint64) (Why, error) {
	if err := s.ready(); err != nil {
		return Why{}, err
	}
	sp, l, err := s.spec(a)
	if err != nil {
		return Why{}, err
	}
	w, err := s.contacts.AudienceWhy(sp, contactID)
	if err != nil {
		return Why{}, err
	}
	s.mu.Lock()
	last := l.of(contactID)
	s.mu.Unlock()
	return Why{ContactID: contactID, Included: w.Included, Reason: w.Reason, Via: w.Via,
		ExcludedBy: w.ExcludedBy, LastContactedAt: last, MissingGroups: w.MissingGroups}, nil
}

// Targets lists every saved item's decision about a contact, newest item first.
func (s *Service) Targets(contactID uint64) ([]ItemWhy, error) {
	items, err := s.List("")
	if err != nil {
		return nil, err
	}
	out := []ItemWhy{}
	for _, it := range items {
		w, err := s.Why(it.Audience, contactID)
		if err != nil {
			return nil, err
		}
		out = append(out, ItemWhy{ItemID: it.ID, Kind: it.Kind, ItemName: it.Name, Why: w})
	}
	return out, nil
}

// Preview renders a message for the first three recipients of an audience and counts,
// over the whole audience, the recipients for whom a variable without a fallback is
// empty. A message with only {name} and {phone} needs no pass over the audience: every
// contact has both.
func (s *Service) Preview(message string, a Audience) (Preview, error) {
	if err := s.ready(); err != nil {
		return Preview{}, err
	}
	if err := checkMessage(message); err != nil {
		return Preview{}, err
	}
	t := parseTemplate(message)
	sp, _, err := s.spec(a)
	if err != nil {
		return Preview{}, err
	}
	out := Preview{Samples: []Sample{}, Empty: []EmptyVariable{}, Unknown: []string{}}
	_, first, err := s.contacts.AudiencePage(sp, 0, 3)
	if err != nil {
		return Preview{}, err
	}
	for c, err := range s.contacts.ReadContacts(first) {
		if err != nil {
			return Preview{}, err
		}
		out.Samples = append(out.Samples, Sample{ContactID: c.ID, Name: c.Name, Phone: c.Phone, Message: t.render(&c, nil)})
	}
	if len(t.vars) == 0 {
		return out, nil
	}
	empty := map[string]int{}
	known := map[string]bool{"name": true, "phone": true}
	if t.hasCustom() {
		// The order does not matter here, so the contacts are read in ID order, which
		// walks the table instead of looking each one up.
		_, all, err := s.contacts.AudienceIDs(sp)
		if err != nil {
			return Preview{}, err
		}
		slices.Sort(all)
		err = s.contacts.EachStored(all, func(c *contacts.Contact) error {
			for _, v := range t.vars {
				if !known[v.key] {
					if _, ok := value(c, v.key); ok {
						known[v.key] = true
					}
				}
			}
			t.render(c, func(key string) { empty[key]++ })
			return nil
		})
		if err != nil {
			return Preview{}, err
		}
	}
	done := map[string]bool{}
	for _, v := range t.vars {
		if done[v.key] {
			continue
		}
		done[v.key] = true
		if !known[v.key] {
			out.Unknown = append(out.Unknown, v.text)
		}
		if n := empty[v.key]; n > 0 {
			out.Empty = append(out.Empty, EmptyVariable{Variable: v.text, Count: n})
		}
	}
	return out, nil
}

func checkMessage(m string) error {
	if utf8.RuneCountInString(m) > MaxMessageLength {
		return apperr.New(apperr.Invalid, "campaign.message.too_long",
			fmt.Sprintf("a message can have at most %d characters", MaxMessageLength)).
			OnField("message").With("max", strconv.Itoa(MaxMessageLength))
	}
	return nil
}

// validate cleans an item's input.
func validate(in ItemInput) (ItemInput, error) {
	in.Name = strings.TrimSpace(strings.ToValidUTF8(in.Name, ""))
	switch in.Kind {
	case "":
		in.Kind = KindCampaign
	case KindCampaign, KindBroadcast:
	default:
		return in, invalidKind(in.Kind)
	}
	switch {
	case in.Name == "":
		return in, apperr.New(apperr.Invalid, "campaign.name.empty", "a name is required").OnField("name")
	case utf8.RuneCountInString(in.Name) > MaxNameLength:
		return in, apperr.New(apperr.Invalid, "campaign.name.too_long",
			fmt.Sprintf("a name can have at most %d characters", MaxNameLength)).
			OnField("name").With("max", strconv.Itoa(MaxNameLength))
	}
	in.Message = strings.ToValidUTF8(in.Message, "")
	if err := checkMessage(in.Message); err != nil {
		return in, err
	}
	in.Audience.Include = uniqueIDs(in.Audience.Include)
	in.Audience.Exclude = uniqueIDs(in.Audience.Exclude)
	if len(in.Audience.Include) == 0 {
		return in, errAudienceEmpty()
	}
	in.Audience.NotContactedDays = max(in.Audience.NotContactedDays, 0)
	return in, nil
}

func errAudienceEmpty() *apperr.Error {
	return apperr.New(apperr.Invalid, "campaign.audience.empty", "choose at least one group to send to").
		OnField("audience")
}

func invalidKind(k string) *apperr.Error {
	return apperr.New(apperr.Invalid, "campaign.kind.invalid",
		fmt.Sprintf("unknown kind %q: use campaign or broadcast", k)).OnField("kind").With("kind", k)
}

func uniqueIDs(ids []uint64) []uint64 {
	out := make([]uint64, 0, len(ids))
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// List returns the saved items of a kind ("" for both), newest first.
func (s *Service) List(kind string) ([]Item, error) {
	if err := s.ready(); err != nil {
		return nil, err
	}
	if kind != "" && kind != KindCampaign && kind != KindBroadcast {
		return nil, invalidKind(kind)
	}
	latest, err := s.latestOutputs()
	if err != nil {
		return nil, err
	}
	items := []Item{}
	err = s.db.Docs(docItem, true, func(id uint64, raw []byte) error {
		var it Item
		if err := json.Unmarshal(raw, &it); err != nil {
			return fmt.Errorf("campaign %d: %w", id, err)
		}
		if kind == "" || it.Kind == kind {
			it.LastOutput = latest[it.ID]
			items = append(items, it)
		}
		return nil
	})
	if err != nil {
		return nil, apperr.Wrap(err, "list campaigns")
	}
	return items, nil
}

func (s *Service) latestOutputs() (map[uint64]*Output, error) {
	out := map[uint64]*Output{}
	err := s.eachOutput(func(o Output) {
		if out[o.ItemID] == nil {
			out[o.ItemID] = &o
		}
	})
	return out, err
}

// eachOutput calls fn with every recorded output, newest first.
func (s *Service) eachOutput(fn func(Output)) error {
	err := s.db.Docs(docOutput, true, func(id uint64, raw []byte) error {
		var o Output
		if err := json.Unmarshal(raw, &o); err != nil {
			return fmt.Errorf("output %d: %w", id, err)
		}
		fn(o)
		return nil
	})
	if err != nil {
		return apperr.Wrap(err, "read outputs")
	}
	return nil
}

// Get returns one saved item.
func (s *Service) Get(id uint64) (Item, error) {
	if err := s.ready(); err != nil {
		return Item{}, err
	}
	var it Item
	err := s.db.View(func(t *store.Txn) error { return t.Doc(docItem, id, &it) })
	if errors.Is(err, store.ErrNotFound) {
		return Item{}, notFound(id)
	}
	if err != nil {
		return Item{}, apperr.Wrap(err, "read campaign")
	}
	latest, err := s.latestOutputs()
	if err != nil {
		return Item{}, err
	}
	it.LastOutput = latest[id]
	return it, nil
}

// Save creates (id 0) or updates a saved item.
func (s *Service) Save(id uint64, in ItemInput) (Item, error) {
	if err := s.ready(); err != nil {
		return Item{}, err
	}
	in, err := validate(in)
	if err != nil {
		return Item{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now().UnixMilli()
	it := Item{ID: id, Kind: in.Kind, Name: in.Name, Message: in.Message, Audience: in.Audience,
		CreatedAt: now, UpdatedAt: now}
	err = s.db.Update(func(t *store.Txn) error {
		if id == 0 {
			nid, err := s.newID("campaign")
			if err != nil {
				return err
			}
			it.ID = nid
		} else {
			var old Item
			if err := t.Doc(docItem, id, &old); err != nil {
				return err
			}
			it.CreatedAt = old.CreatedAt
		}
		return t.PutDoc(docItem, it.ID, it)
	})
	if errors.Is(err, store.ErrNotFound) {
		return Item{}, notFound(id)
	}
	if err != nil {
		return Item{}, apperr.Wrap(err, "save campaign")
	}
	s.emit.Emit(events.CampaignsChanged, events.CampaignsChangedPayload{ID: it.ID, Action: "saved"})
	if id != 0 {
		latest, err := s.latestOutputs()
		if err != nil {
			return Item{}, err
		}
		it.LastOutput = latest[id]
	}
	return it, nil
}

// Delete removes a saved item; its outputs' records stay, for "contacted in the last N
// days".
func (s *Service) Delete(id uint64) error {
	if err := s.ready(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.db.Update(func(t *store.Txn) error {
		var old Item
		if err := t.Doc(docItem, id, &old); err != nil {
			return err
		}
		return t.DeleteDoc(docItem, id)
	})
	if errors.Is(err, store.ErrNotFound) {
		return notFound(id)
	}
	if err != nil {
		return apperr.Wrap(err, "delete campaign")
	}
	s.emit.Emit(events.CampaignsChanged, events.CampaignsChangedPayload{ID: id, Action: "deleted"})
	return nil
}

// Outputs lists the recorded outputs of an item (0 for every item), newest first.
func (s *Service) Outputs(itemID uint64) ([]Output, error) {
	if err := s.ready(); err != nil {
		return nil, err
	}
	out := []Output{}
	err := s.eachOutput(func(o Output) {
		if itemID == 0 || o.ItemID == itemID {
			out = append(out, o)
		}
	})
	return out, err
}

// exportProgress reports an output's progress with the contact export's event.
type exportProgress struct {
	emit  events.Emitter
	total int64
	last  time.Time
}

func (p *exportProgress) report(done int64) {
	if done < p.total && time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.emit.Emit(events.ExportProgress, events.ExportProgressPayload{Done: done, Total: p.total})
}

// Export writes an output of a saved item's audience to req.Path and records it: when,
// how many, and which contacts it reached. Rows are streamed from the store a slice at a
// time; only the recipients' IDs are held in memory.
func (s *Service) Export(req ExportRequest) (Output, error) {
	if err := s.ready(); err != nil {
		return Output{}, err
	}
	format := strings.ToLower(strings.TrimSpace(req.Format))
	if !validFormat(format) {
		return Output{}, apperr.New(apperr.Invalid, "campaign.format.invalid",
			fmt.Sprintf("unknown format %q: use csv, xlsx, numbers or wame", req.Format)).
			OnField("format").With("format", req.Format)
	}
	if strings.TrimSpace(req.Path) == "" {
		return Output{}, apperr.New(apperr.Invalid, "campaign.path.empty", "choose where to save the file").OnField("path")
	}
	it, err := s.Get(req.ItemID)
	if err != nil {
		return Output{}, err
	}
	if len(it.Audience.Include) == 0 {
		return Output{}, errAudienceEmpty()
	}
	sp, _, err := s.spec(it.Audience)
	if err != nil {
		return Output{}, err
	}
	_, ids, err := s.contacts.AudienceIDs(sp)
	if err != nil {
		return Output{}, err
	}
	// Contacts are read in ID order, which walks the table instead of looking each one
	// up (several times faster), a window of the list at a time: the window's rows are
	// rendered in ID order into their places, then written in the list's order. Memory
	// holds one window's rows, not the audience.
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	// The custom-field columns are the recipients' field keys, ignoring case, in order of
	// first appearance by contact ID (creation order).
	var keys []string
	if needsFields(format) {
		seen := map[string]bool{}
		err := s.contacts.EachStored(sorted, func(c *contacts.Contact) error {
			for _, f := range c.Fields {
				if k := strings.ToLower(strings.TrimSpace(f.Key)); !seen[k] {
					seen[k] = true
					keys = append(keys, strings.TrimSpace(f.Key))
				}
			}
			return nil
		})
		if err != nil {
			return Output{}, err
		}
	}
	t := parseTemplate(it.Message)
	prog := &exportProgress{emit: s.emit, total: int64(len(ids))}
	reached := make([]uint64, 0, len(ids))
	err = writeAtomically(req.Path, func(f io.Writer) error {
		w := newWriter(format, f)
		if err := w.header(keys); err != nil {
			w.abort()
			return err
		}
		if err := s.writeRows(w, ids, keys, t, func(id uint64) {
			reached = append(reached, id)
			if len(reached)%1000 == 0 {
				prog.report(int64(len(reached)))
			}
		}); err != nil {
			w.abort()
			return err
		}
		return w.close()
	})
	if err != nil {
		return Output{}, err
	}
	prog.report(prog.total)
	return s.record(it, format, req.Path, reached)
}

// exportWindow is how many recipients one window of an output holds in memory.
var exportWindow = 1 << 16

// writeRows writes the rows of ids (in the list's order) a window at a time; wrote is
// called with each contact written.
func (s *Service) writeRows(w writer, ids []uint64, keys []string, t *template, wrote func(uint64)) error {
	type placed struct {
		id  uint64
		pos int
	}
	rows := make([]row, min(len(ids), exportWindow))
	have := make([]bool, len(rows))
	byID := make([]placed, 0, len(rows))
	sorted := make([]uint64, 0, len(rows))
	lower := make([]string, len(keys))
	for i, k := range keys {
		lower[i] = strings.ToLower(k)
	}
	for start := 0; start < len(ids); start += exportWindow {
		window := ids[start:min(start+exportWindow, len(ids))]
		byID, sorted = byID[:0], sorted[:0]
		for i, id := range window {
			byID = append(byID, placed{id, i})
			have[i] = false
		}
		slices.SortFunc(byID, func(a, b placed) int { return cmp.Compare(a.id, b.id) })
		for _, p := range byID {
			sorted = append(sorted, p.id)
		}
		k := 0
		err := s.contacts.EachStored(sorted, func(c *contacts.Contact) error {
			for byID[k].id != c.ID {
				k++
			}
			r := &rows[byID[k].pos]
			have[byID[k].pos] = true
			r.Phone, r.Name, r.Message = c.Phone, c.Name, t.render(c, nil)
			r.Fields = r.Fields[:0]
			for _, key := range lower {
				v, _ := value(c, key)
				r.Fields = append(r.Fields, v)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for i := range window {
			if !have[i] {
				continue // deleted meanwhile
			}
			if err := w.row(&rows[i]); err != nil {
				return err
			}
			wrote(window[i])
		}
	}
	return nil
}

// record stores an output and the contacts it reached, and updates the lookup.
func (s *Service) record(it Item, format, path string, reached []uint64) (Output, error) {
	slices.Sort(reached)
	s.mu.Lock()
	defer s.mu.Unlock()
	id, err := s.newID("output")
	if err != nil {
		return Output{}, apperr.Wrap(err, "record output")
	}
	o := Output{ID: id, ItemID: it.ID, ItemName: it.Name, Format: format, Path: path,
		Recipients: len(reached), At: s.now().UnixMilli()}
	if err := s.db.PutReached(id, o.At, reached); err != nil {
		return Output{}, apperr.Wrap(err, "record output")
	}
	if err := s.db.Update(func(t *store.Txn) error { return t.PutDoc(docOutput, id, o) }); err != nil {
		return Output{}, apperr.Wrap(err, "record output")
	}
	if s.last != nil {
		s.last.merge(reached, o.At)
	}
	s.emit.Emit(events.CampaignsChanged, events.CampaignsChangedPayload{ID: it.ID, Action: "exported"})
	return o, nil
}

// EachRecipient calls fn with every recipient of an audience in the list's order,
// reading the contacts a slice at a time; the CLI uses it. It returns the count.
func (s *Service) EachRecipient(a Audience, fn func(Recipient) error) (Count, error) {
	if err := s.ready(); err != nil {
		return Count{}, err
	}
	sp, _, err := s.spec(a)
	if err != nil {
		return Count{}, err
	}
	c, ids, err := s.contacts.AudienceIDs(sp)
	if err != nil {
		return Count{}, err
	}
	for ct, err := range s.contacts.ReadContacts(ids) {
		if err != nil {
			return Count{}, err
		}
		if err := fn(recipientOf(&ct, a.Include)); err != nil {
			return Count{}, err
		}
	}
	return countOf(c), nil
}

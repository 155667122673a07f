// Package contacts is the contact and group service that the interface and the CLI share:
// validation, create/read/update/delete, group membership, bulk actions, and listing with
// paging, sorting, filtering and search over an in-memory index kept in step with the store.
package contacts

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"kontak/backend/apperr"
	"kontak/backend/events"
	"kontak/backend/phone"
	"kontak/backend/store"
)

// PhoneRules gives the phone normaliser for the current default country; the settings
// service implements it.
type PhoneRules interface {
	Normalizer() *phone.Normalizer
}

// Options are the service's injectable sources, so tests can assert exact records.
type Options struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// NewID allocates an ID from a named sequence ("contact", "group"); nil means the
	// store's persistent sequences.
	NewID func(sequence string) (uint64, error)
	// Emit tells the interface what changed; nil discards.
	Emit events.Emitter
}

// Service holds the contact and group logic. Contacts and Groups are its two faces bound
// to the interface.
type Service struct {
	db     *store.DB
	phones PhoneRules
	now    func() time.Time
	newID  func(string) (uint64, error)
	emit   events.Emitter

	// mu serialises writes so that the store and the index change together; reads of
	// the index take it shared.
	mu  sync.RWMutex
	idx *index
}

// New builds the service and loads the index from the store. It also removes membership
// edges of groups that no longer exist, which a crash during a group delete can leave.
func New(db *store.DB, phones PhoneRules, o Options) (*Service, error) {
	s := &Service{db: db, phones: phones, now: o.Now, newID: o.NewID, emit: o.Emit}
	if s.now == nil {
		s.now = time.Now
	}
	if s.newID == nil {
		s.newID = db.NextID
	}
	if s.emit == nil {
		s.emit = events.Discard{}
	}
	if err := s.load(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Service) load() error {
	x, edges, err := loadIndex(s.db)
	if err != nil {
		return fmt.Errorf("load contacts: %w", err)
	}
	groups, err := s.db.Groups()
	if err != nil {
		return fmt.Errorf("load groups: %w", err)
	}
	for _, g := range groups {
		x.putGroup(g, FoldGroupName(g.Name))
	}
	for _, gid := range x.applyMemberships(edges) {
		if err := s.db.RemoveMemberships(gid); err != nil {
			return fmt.Errorf("clean up deleted group %d: %w", gid, err)
		}
	}
	s.idx = x
	// The name order takes about a second to build for a million contacts; it is built
	// now in the background so the window shows its first page at once (firstByName), and
	// a query that needs the whole order waits for it. The search aids (phone order,
	// record signatures) follow, so the first search does not build them.
	go func() {
		s.mu.RLock()
		defer s.mu.RUnlock()
		x.nameOrder()
		x.warmSearch()
	}()
	return nil
}

// Contacts returns the face of the service bound to the interface as "Contacts".
func (s *Service) Contacts() *Contacts { return &Contacts{s: s} }

// Groups returns the face of the service bound to the interface as "Groups".
func (s *Service) Groups() *Groups { return &Groups{s: s} }

// ready refuses calls on a service whose data could not be opened: the app still binds
// the services then, so that the interface gets a clear answer instead of no answer.
func (s *Service) ready() error {
	if s == nil || s.db == nil || s.idx == nil {
		return apperr.New(apperr.Internal, "data.unavailable", "the data folder is not open")
	}
	return nil
}

func (s *Service) nowMillis() int64 { return s.now().UnixMilli() }

// view turns a stored contact into what the interface sees.
func (s *Service) view(c *store.Contact, groups []uint64) Contact {
	out := Contact{
		ID:           c.ID,
		Name:         c.Name,
		OriginalName: c.OriginalName,
		Phone:        c.Phone,
		Display:      phone.Display(c.Phone),
		Email:        c.Email,
		GroupIDs:     slices.Clone(groups),
		Fields:       make([]Field, len(c.Fields)),
		Source:       c.Source,
		CreatedAt:    c.CreatedAt,
		UpdatedAt:    c.UpdatedAt,
		NameSource:   c.NameSource,
		NameLocked:   c.NameLocked,
		OptOut:       c.OptOut,

		SuggestedName: c.SuggestedName,
	}
	if out.GroupIDs == nil {
		out.GroupIDs = []uint64{}
	}
	for i, f := range c.Fields {
		out.Fields[i] = Field{Key: f.Key, Value: f.Value}
	}
	return out
}

func groupView(g *groupEntry) Group {
	return Group{
		ID:          g.g.ID,
		Name:        g.g.Name,
		Description: g.g.Description,
		Members:     g.count,
		CreatedAt:   g.g.CreatedAt,
	}
}

func contactNotFound(id uint64) *apperr.Error {
	return apperr.New(apperr.NotFound, "contact.not_found",
		fmt.Sprintf("contact %d does not exist", id)).With("id", strconv.FormatUint(id, 10))
}

func groupNotFound(id uint64) *apperr.Error {
	return apperr.New(apperr.NotFound, "group.not_found",
		fmt.Sprintf("group %d does not exist", id)).With("id", strconv.FormatUint(id, 10))
}

// contactName reads a contact's name from the store; the index keeps only folded names.
func (s *Service) contactName(id uint64) string {
	var name string
	s.db.View(func(t *store.Txn) error {
		c, err := t.Contact(id)
		name = c.Name
		return err
	})
	return name
}

// storeError maps the store's typed errors to the errors the user sees.
func (s *Service) storeError(err error, op string) error {
	var phoneTaken *store.PhoneTakenError
	var nameTaken *store.GroupNameTakenError
	switch {
	case errors.As(err, &phoneTaken):
		name := s.contactName(phoneTaken.ContactID)
		return apperr.New(apperr.Exists, "contact.phone.duplicate",
			fmt.Sprintf("this number already belongs to %s", name)).
			OnField("phone").
			With("id", strconv.FormatUint(phoneTaken.ContactID, 10)).
			With("name", name)
	case errors.As(err, &nameTaken):
		name := nameTaken.Name
		if g := s.idx.groups[nameTaken.GroupID]; g != nil {
			name = g.g.Name
		}
		return apperr.New(apperr.Exists, "group.name.duplicate",
			fmt.Sprintf("a group named %s already exists", name)).
			OnField("name").
			With("id", strconv.FormatUint(nameTaken.GroupID, 10)).
			With("name", name)
	case errors.Is(err, store.ErrNotFound):
		return apperr.New(apperr.NotFound, "not_found", op+": not found")
	}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return ae
	}
	return apperr.Wrap(err, op)
}

// liveRecord reads the stored record of a contact that is still in the index. A contact
// deleted since the caller chose its IDs (by another action between two chunks of a bulk
// action or an export) is reported as absent, not as an error, so such work skips it.
func (s *Service) liveRecord(t *store.Txn, id uint64) (store.Contact, bool, error) {
	if !s.idx.has(id) {
		return store.Contact{}, false, nil
	}
	c, err := t.Contact(id)
	if errors.Is(err, store.ErrNotFound) {
		return store.Contact{}, false, nil
	}
	return c, err == nil, err
}

package contacts

import (
	"errors"
	"fmt"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/samber/lo"

	"kontak/backend/apperr"
	"kontak/backend/events"
	"kontak/backend/phone"
	"kontak/backend/store"
)

// Contacts is the contact half of the service, bound to the interface. Every method
// recovers from panics so that the interface always gets an answer.
type Contacts struct {
	s *Service
}

// bulkChunk is how many contacts one transaction of a bulk action touches: small enough
// for Badger's transaction limit, large enough to keep commits few.
const bulkChunk = 1000

// validInput is a ContactInput after validation and normalisation.
type validInput struct {
	name   string
	phone  string
	email  string
	groups []uint64
	fields []store.Field
}

func (s *Service) validate(in ContactInput) (validInput, error) {
	var v validInput
	v.name = cleanText(in.Name)
	switch {
	case v.name == "":
		return v, apperr.New(apperr.Invalid, "contact.name.empty", "a name is required").OnField("name")
	case utf8.RuneCountInString(v.name) > MaxNameLength:
		return v, apperr.New(apperr.Invalid, "contact.name.too_long",
			fmt.Sprintf("a name can have at most %d characters", MaxNameLength)).
			OnField("name").With("max", strconv.Itoa(MaxNameLength))
	}

	r := s.phones.Normalizer().Normalize(in.Phone)
	switch r.Status {
	case phone.StatusEmpty:
		return v, apperr.New(apperr.Invalid, "contact.phone.empty", "a phone number is required").OnField("phone")
	case phone.StatusLossy:
		return v, apperr.New(apperr.Invalid, "contact.phone.lossy",
			"the number lost digits in a spreadsheet (scientific notation); type it again").OnField("phone")
	case phone.StatusInvalid:
		reason := "invalid"
		if len(r.Reasons) > 0 {
			reason = string(r.Reasons[len(r.Reasons)-1])
		}
		return v, apperr.New(apperr.Invalid, "contact.phone.invalid",
			fmt.Sprintf("%q is not a valid phone number (%s)", in.Phone, reason)).
			OnField("phone").With("reason", reason)
	}
	v.phone = r.Phone

	v.email = strings.TrimSpace(strings.ToValidUTF8(in.Email, ""))
	if v.email != "" && !ValidEmail(v.email) {
		return v, apperr.New(apperr.Invalid, "contact.email.invalid",
			fmt.Sprintf("%q is not a valid email address", v.email)).OnField("email")
	}

	v.groups = slices.Compact(slices.Sorted(slices.Values(in.GroupIDs)))
	for _, gid := range v.groups {
		if _, ok := s.idx.groups[gid]; !ok {
			return v, groupNotFound(gid).OnField("groupIds")
		}
	}

	seen := map[string]bool{}
	for _, f := range in.Fields {
		key, value := cleanText(f.Key), strings.TrimSpace(strings.ToValidUTF8(f.Value, ""))
		if key == "" && value == "" {
			continue
		}
		folded := strings.ToLower(key)
		if key == "" || seen[folded] || utf8.RuneCountInString(key) > MaxFieldKeyLength ||
			utf8.RuneCountInString(value) > MaxFieldValueLength {
			return v, apperr.New(apperr.Invalid, "contact.field.invalid",
				fmt.Sprintf("custom field %q is empty, repeated or too long", key)).
				OnField("fields").With("key", key)
		}
		seen[folded] = true
		v.fields = append(v.fields, store.Field{Key: key, Value: value})
	}
	if len(v.fields) > MaxFields {
		return v, apperr.New(apperr.Invalid, "contact.field.invalid",
			fmt.Sprintf("a contact can have at most %d custom fields", MaxFields)).OnField("fields")
	}
	return v, nil
}

// ValidEmail accepts a plain address (no display name) with a dotted domain, which is
// what people mean when they type an email into a contact.
func ValidEmail(s string) bool {
	if len(s) > MaxEmailLength || strings.ContainsAny(s, " \t<>,;") {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.HasPrefix(domain, ".")
}

// Add creates a contact. Its name is also kept as its original name.
func (c *Contacts) Add(in ContactInput) (_ Contact, err error) {
	defer apperr.Recover(&err, "add contact")
	s := c.s
	if err := s.ready(); err != nil {
		return Contact{}, err
	}
	var changedGroups bool
	var id uint64
	defer func() {
		if err == nil {
			s.emit.Emit(events.ContactsChanged, events.Changed([]uint64{id}))
			if changedGroups {
				s.emit.Emit(events.GroupsChanged, events.GroupsChangedPayload{})
			}
		}
	}()
	s.mu.Lock()
	defer s.mu.Unlock()
	v, err := s.validate(in)
	if err != nil {
		return Contact{}, err
	}
	if owner, ok := s.idx.phoneOwner(v.phone); ok {
		return Contact{}, s.storeError(&store.PhoneTakenError{Phone: v.phone, ContactID: owner}, "add contact")
	}
	if id, err = s.newID("contact"); err != nil {
		return Contact{}, apperr.Wrap(err, "add contact")
	}
	now := s.nowMillis()
	rec := store.Contact{
		ID: id, Name: v.name, OriginalName: v.name, Phone: v.phone, Email: v.email,
		Source: "manual", Fields: v.fields, CreatedAt: now, UpdatedAt: now,
		NameSource: store.NameTyped, NameLocked: in.NameLocked != nil && *in.NameLocked,
		OptOut: in.OptOut != nil && *in.OptOut,
	}
	err = s.db.Update(func(t *store.Txn) error {
		if err := t.PutContact(rec); err != nil {
			return err
		}
		for _, gid := range v.groups {
			if _, err := t.AddMember(gid, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Contact{}, s.storeError(err, "add contact")
	}
	s.idx.putContact(&rec, v.groups)
	changedGroups = len(v.groups) > 0
	return s.view(&rec, v.groups), nil
}

// Update replaces a contact's name, phone, email, groups and custom fields. The original
// name stays as it was.
func (c *Contacts) Update(id uint64, in ContactInput) (_ Contact, err error) {
	defer apperr.Recover(&err, "update contact")
	s := c.s
	if err := s.ready(); err != nil {
		return Contact{}, err
	}
	defer func() {
		if err == nil {
			s.emit.Emit(events.ContactsChanged, events.Changed([]uint64{id}))
			s.emit.Emit(events.GroupsChanged, events.GroupsChangedPayload{})
		}
	}()
	s.mu.Lock()
	defer s.mu.Unlock()

	if !s.idx.has(id) {
		return Contact{}, contactNotFound(id)
	}
	v, err := s.validate(in)
	if err != nil {
		return Contact{}, err
	}
	if owner, ok := s.idx.phoneOwner(v.phone); ok && owner != id {
		return Contact{}, s.storeError(&store.PhoneTakenError{Phone: v.phone, ContactID: owner}, "update contact")
	}
	added, removed := lo.Difference(v.groups, s.idx.groupsOf(id))
	var rec store.Contact
	err = s.db.Update(func(t *store.Txn) error {
		old, err := t.Contact(id)
		if err != nil {
			return err
		}
		rec = old
		if rec.Name != v.name {
			rec.NameSource = store.NameTyped // the user typed it, so no automatic change replaces it
			rec.SuggestedName = ""
		}
		rec.Name, rec.Phone, rec.Email, rec.Fields = v.name, v.phone, v.email, v.fields
		if in.NameLocked != nil {
			rec.NameLocked = *in.NameLocked
		}
		if in.OptOut != nil {
			rec.OptOut = *in.OptOut
		}
		rec.UpdatedAt = s.nowMillis()
		if err := t.PutContact(rec); err != nil {
			return err
		}
		for _, gid := range added {
			if _, err := t.AddMember(gid, id); err != nil {
				return err
			}
		}
		for _, gid := range removed {
			if _, err := t.RemoveMember(gid, id); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, store.ErrNotFound) {
		return Contact{}, contactNotFound(id)
	}
	if err != nil {
		return Contact{}, s.storeError(err, "update contact")
	}
	s.idx.putContact(&rec, v.groups)
	return s.view(&rec, v.groups), nil
}

// Get returns one contact.
func (c *Contacts) Get(id uint64) (_ Contact, err error) {
	defer apperr.Recover(&err, "get contact")
	s := c.s
	if err := s.ready(); err != nil {
		return Contact{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if !s.idx.has(id) {
		return Contact{}, contactNotFound(id)
	}
	var rec store.Contact
	if err := s.db.View(func(t *store.Txn) error {
		var err error
		rec, err = t.Contact(id)
		return err
	}); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return Contact{}, contactNotFound(id)
		}
		return Contact{}, apperr.Wrap(err, "get contact")
	}
	return s.view(&rec, s.idx.groupsOf(id)), nil
}

// Delete removes contacts and their memberships and returns how many it removed. IDs
// that no longer exist are skipped.
func (c *Contacts) Delete(ids []uint64) (deleted int, err error) {
	defer apperr.Recover(&err, "delete contacts")
	s := c.s
	if err := s.ready(); err != nil {
		return 0, err
	}
	defer func() {
		if deleted > 0 {
			s.emit.Emit(events.ContactsChanged, events.Changed(ids[:deleted]))
			s.emit.Emit(events.GroupsChanged, events.GroupsChangedPayload{})
		}
	}()
	s.mu.Lock()
	defer s.mu.Unlock()
	ids = lo.Filter(lo.Uniq(ids), func(id uint64, _ int) bool { return s.idx.has(id) })
	for _, chunk := range lo.Chunk(ids, bulkChunk) {
		err := s.db.Update(func(t *store.Txn) error {
			for _, id := range chunk {
				if err := t.DeleteContact(id); err != nil && !errors.Is(err, store.ErrNotFound) {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return deleted, apperr.Wrap(err, "delete contacts")
		}
		for _, id := range chunk {
			s.idx.deleteContact(id)
		}
		deleted += len(chunk)
	}
	return deleted, nil
}

// AddToGroup puts contacts into a group and returns how many were not in it before.
func (c *Contacts) AddToGroup(ids []uint64, groupID uint64) (int, error) {
	return c.s.changeMembership(ids, groupID, true)
}

// RemoveFromGroup takes contacts out of a group and returns how many were in it. The
// contacts themselves stay.
func (c *Contacts) RemoveFromGroup(ids []uint64, groupID uint64) (int, error) {
	return c.s.changeMembership(ids, groupID, false)
}

func (s *Service) changeMembership(ids []uint64, gid uint64, add bool) (changed int, err error) {
	op := "remove from group"
	if add {
		op = "add to group"
	}
	defer apperr.Recover(&err, op)
	if err := s.ready(); err != nil {
		return 0, err
	}
	var touched []uint64
	defer func() {
		if len(touched) > 0 {
			s.emit.Emit(events.ContactsChanged, events.Changed(touched))
			s.emit.Emit(events.GroupsChanged, events.GroupsChangedPayload{})
		}
	}()
	s.mu.RLock()
	_, ok := s.idx.groups[gid]
	s.mu.RUnlock()
	if !ok {
		return 0, groupNotFound(gid)
	}
	action := "remove"
	if add {
		action = "add"
	}
	prog := &progress{s: s, action: action, total: int64(len(lo.Uniq(ids)))}
	doneCount := int64(0)
	// Each chunk commits on its own and takes the write lock only for itself, so lists and
	// searches are answered between chunks of a large action. A failure part-way leaves
	// every contact either in the group or not, and the count says how many changed.
	for _, chunk := range lo.Chunk(lo.Uniq(ids), bulkChunk) {
		done, err := s.membershipChunk(chunk, gid, add)
		if err != nil {
			return len(touched), apperr.Wrap(err, op)
		}
		touched = append(touched, done...)
		doneCount += int64(len(chunk))
		prog.report(doneCount)
	}
	return len(touched), nil
}

func (s *Service) membershipChunk(chunk []uint64, gid uint64, add bool) ([]uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.idx.groups[gid]; !ok {
		return nil, groupNotFound(gid) // deleted meanwhile
	}
	var done []uint64
	err := s.db.Update(func(t *store.Txn) error {
		done = done[:0]
		for _, cid := range chunk {
			if !s.idx.has(cid) {
				continue
			}
			var ok bool
			var err error
			if add {
				ok, err = t.AddMember(gid, cid)
			} else {
				ok, err = t.RemoveMember(gid, cid)
			}
			if err != nil {
				return err
			}
			if ok {
				done = append(done, cid)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, cid := range done {
		if add {
			s.idx.addMember(gid, cid)
		} else {
			s.idx.removeMember(gid, cid)
		}
	}
	return done, nil
}

// CheckPhone previews what the phone field holds: the normalised number or why it is not
// valid, and the contact that already has it (other than excludeID, the one being edited).
func (c *Contacts) CheckPhone(raw string, excludeID uint64) (_ PhoneCheck, err error) {
	defer apperr.Recover(&err, "check phone")
	s := c.s
	if err := s.ready(); err != nil {
		return PhoneCheck{}, err
	}
	r := s.phones.Normalizer().Normalize(raw)
	out := PhoneCheck{
		Input: r.Input, Phone: r.Phone, Status: string(r.Status), Kind: string(r.Kind),
		Display: r.Display, Reasons: make([]string, len(r.Reasons)),
	}
	for i, reason := range r.Reasons {
		out.Reasons[i] = string(reason)
	}
	if r.Status == phone.StatusValid {
		s.mu.RLock()
		id, ok := s.idx.phoneOwner(r.Phone)
		s.mu.RUnlock()
		if ok && id != excludeID {
			out.Duplicate = &ContactRef{ID: id, Name: s.contactName(id)}
		}
	}
	return out, nil
}

// List returns a page of contacts matching the query and how many match in all.
func (c *Contacts) List(q Query) (_ Page, err error) {
	defer apperr.Recover(&err, "list contacts")
	s := c.s
	if err := s.ready(); err != nil {
		return Page{}, err
	}
	switch {
	case q.Limit == 0:
		q.Limit = DefaultPageSize
	case q.Limit < 0 || q.Limit > MaxPageSize:
		return Page{}, apperr.New(apperr.Invalid, "request.invalid",
			fmt.Sprintf("page size must be between 1 and %d", MaxPageSize))
	}
	if q.Offset < 0 {
		return Page{}, apperr.New(apperr.Invalid, "request.invalid", "offset must not be negative")
	}
	page := Page{Offset: q.Offset, Items: []Contact{}}
	var hits []uint64
	err = s.scan(q, func(x *index, f *filter, text *textQuery) {
		if text == nil && f.empty() {
			// Nothing to filter: the page is a slice of the order.
			page.Total = x.count()
			if q.Sort == SortNewest {
				seen := 0
				for s := len(x.ids) - 1; s >= 0 && len(hits) < q.Limit; s-- {
					if x.dead.has(uint32(s)) {
						continue
					}
					if seen >= q.Offset {
						hits = append(hits, x.ids[s])
					}
					seen++
				}
				return
			}
			var order []uint32
			if !x.orderReady() && q.Offset+q.Limit <= 1000 {
				// Just after start-up: the first pages need no full sort.
				order = x.firstByName(q.Offset + q.Limit)
			} else {
				order, _ = x.nameOrder()
			}
			for _, sl := range order[min(q.Offset, len(order)):min(q.Offset+q.Limit, len(order))] {
				hits = append(hits, x.ids[sl])
			}
			return
		}
		total, slots := x.findPage(q, f, text, q.Offset, q.Limit)
		page.Total = total
		for _, sl := range slots {
			hits = append(hits, x.ids[sl])
		}
	})
	if err != nil {
		return Page{}, err
	}
	for rec, err := range s.records(hits) {
		if err != nil {
			return Page{}, apperr.Wrap(err, "list contacts")
		}
		page.Items = append(page.Items, s.view(&rec.c, rec.groups))
	}
	return page, nil
}

// scan resolves a query against the index and calls fn with it under the read lock.
func (s *Service) scan(q Query, fn func(x *index, f *filter, text *textQuery)) error {
	if q.Sort == "" {
		q.Sort = SortName
	}
	if q.Sort != SortName && q.Sort != SortNewest {
		return apperr.New(apperr.Invalid, "request.invalid", fmt.Sprintf("unknown sort %q", q.Sort))
	}
	f := &filter{mode: q.GroupMode, noGroup: q.NoGroup, hasEmail: q.HasEmail, source: -1}
	switch f.mode {
	case "", GroupsAny, GroupsAll, GroupsNone:
	default:
		return apperr.New(apperr.Invalid, "request.invalid", fmt.Sprintf("unknown group mode %q", q.GroupMode))
	}
	if q.Source != "" {
		f.source = int64(sourceCode(q.Source))
	}
	text := parseText(q.Text, s.phones.Normalizer().Region())
	s.mu.RLock()
	defer s.mu.RUnlock()
	gids := q.GroupIDs
	if q.GroupID != 0 {
		gids = append([]uint64{q.GroupID}, gids...)
	}
	for _, gid := range gids {
		g, ok := s.idx.groups[gid]
		if !ok {
			return groupNotFound(gid)
		}
		f.groups = append(f.groups, &g.members)
	}
	fn(s.idx, f, text)
	return nil
}

package contacts

import (
	"errors"
	"slices"

	"kontak/backend/apperr"
	"kontak/backend/events"
	"kontak/backend/phone"
	"kontak/backend/store"
)

// SaveSender saves the sender of an incoming message: an existing contact with that
// phone is reused, otherwise a new one is made, named after the sender's WhatsApp name
// or, without one, the number. Either way it joins the groups. It reports whether the
// contact is new.
func (s *Service) SaveSender(canonical, pushName string, groups []uint64) (_ Contact, created bool, err error) {
	defer apperr.Recover(&err, "save sender")
	if err := s.ready(); err != nil {
		return Contact{}, false, err
	}
	defer func() {
		if err == nil {
			s.emit.Emit(events.ContactsChanged, events.ContactsChangedPayload{})
			s.emit.Emit(events.GroupsChanged, events.GroupsChangedPayload{})
		}
	}()
	s.mu.Lock()
	defer s.mu.Unlock()
	groups = slices.DeleteFunc(slices.Clone(groups), func(g uint64) bool { _, ok := s.idx.groups[g]; return !ok })
	id, exists := s.idx.phoneOwner(canonical)
	var rec store.Contact
	err = s.db.Update(func(t *store.Txn) error {
		if exists {
			var err error
			if rec, err = t.Contact(id); err != nil {
				return err
			}
		} else {
			nid, err := s.newID("contact")
			if err != nil {
				return err
			}
			name, source := cleanText(pushName), store.NamePushName
			if name == "" {
				name, source = phone.Display(canonical), store.NameNumber
			}
			if name == "" {
				name = canonical
			}
			now := s.nowMillis()
			rec = store.Contact{ID: nid, Name: name, OriginalName: name, Phone: canonical, Source: "autoreply",
				NameSource: source, CreatedAt: now, UpdatedAt: now}
			if err := t.PutContact(rec); err != nil {
				return err
			}
		}
		for _, g := range groups {
			if _, err := t.AddMember(g, rec.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Contact{}, false, s.storeError(err, "save sender")
	}
	all := slices.Clone(groups)
	if exists {
		all = append(all, s.idx.groupsOf(rec.ID)...)
	}
	slices.Sort(all)
	all = slices.Compact(all)
	s.idx.putContact(&rec, all)
	return s.view(&rec, all), !exists, nil
}

// What ApplyStatedName did with a name a customer stated.
const (
	NameApplied   = "applied"   // it became the contact's name
	NameSuggested = "suggested" // kept as a suggestion: the name was typed or locked
	NameUnchanged = "unchanged" // the contact already has that name
)

// ApplyStatedName uses a name the customer stated in a message. It replaces a name that
// came from an automatic source (WhatsApp name, number, import, an earlier detection);
// a name the user typed or locked stays, and the stated one is kept as a suggestion. The
// original name is never changed.
func (s *Service) ApplyStatedName(id uint64, name string) (outcome string, err error) {
	defer apperr.Recover(&err, "apply stated name")
	if err := s.ready(); err != nil {
		return "", err
	}
	name = cleanText(name)
	if name == "" {
		return NameUnchanged, nil
	}
	defer func() {
		if err == nil && outcome != NameUnchanged {
			s.emit.Emit(events.ContactsChanged, events.Changed([]uint64{id}))
		}
	}()
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.idx.has(id) {
		return "", contactNotFound(id)
	}
	var rec store.Contact
	err = s.db.Update(func(t *store.Txn) error {
		var err error
		if rec, err = t.Contact(id); err != nil {
			return err
		}
		switch {
		case rec.Name == name || rec.SuggestedName == name:
			outcome = NameUnchanged
			return nil
		case rec.NameLocked || rec.NameSource == store.NameTyped:
			rec.SuggestedName, outcome = name, NameSuggested
		default:
			rec.Name, rec.NameSource, rec.SuggestedName, outcome = name, store.NameDetected, "", NameApplied
		}
		rec.UpdatedAt = s.nowMillis()
		return t.PutContact(rec)
	})
	if errors.Is(err, store.ErrNotFound) {
		return "", contactNotFound(id)
	}
	if err != nil {
		return "", apperr.Wrap(err, "apply stated name")
	}
	s.idx.putContact(&rec, s.idx.groupsOf(id))
	return outcome, nil
}

// AcceptSuggestedName makes the suggested name the contact's name.
func (c *Contacts) AcceptSuggestedName(id uint64) (Contact, error) {
	return c.s.resolveSuggestion(id, true)
}

// DismissSuggestedName forgets the suggested name.
func (c *Contacts) DismissSuggestedName(id uint64) (Contact, error) {
	return c.s.resolveSuggestion(id, false)
}

func (s *Service) resolveSuggestion(id uint64, accept bool) (_ Contact, err error) {
	defer apperr.Recover(&err, "suggested name")
	if err := s.ready(); err != nil {
		return Contact{}, err
	}
	defer func() {
		if err == nil {
			s.emit.Emit(events.ContactsChanged, events.Changed([]uint64{id}))
		}
	}()
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.idx.has(id) {
		return Contact{}, contactNotFound(id)
	}
	var rec store.Contact
	err = s.db.Update(func(t *store.Txn) error {
		var err error
		if rec, err = t.Contact(id); err != nil {
			return err
		}
		if accept && rec.SuggestedName != "" {
			rec.Name, rec.NameSource = rec.SuggestedName, store.NameTyped
		}
		rec.SuggestedName, rec.UpdatedAt = "", s.nowMillis()
		return t.PutContact(rec)
	})
	if err != nil {
		return Contact{}, s.storeError(err, "suggested name")
	}
	groups := s.idx.groupsOf(id)
	s.idx.putContact(&rec, groups)
	return s.view(&rec, groups), nil
}

package contacts

import (
	"errors"
	"fmt"
	"slices"
	"sync/atomic"

	"kontak/backend/apperr"
	"kontak/backend/events"
	"kontak/backend/store"
)

// ImportRow is one contact an import writes: a new contact when ExistingID is 0, else the
// replacement record of an existing one. AddGroups are the groups it joins.
type ImportRow struct {
	ExistingID uint64
	Record     store.Contact // ID is assigned for new contacts
	AddGroups  []uint64
}

// ImportResult says what became of each row of ApplyImport, by position.
type ImportResult int

const (
	ImportCreated ImportResult = iota + 1
	ImportUpdated
	ImportUnchanged // an existing contact the row did not change
	ImportConflict  // the phone was taken by another contact meanwhile
)

// Steps numbers the undo steps of one import. It is shared by the goroutine that reads
// the file (which creates groups) and the one that writes contacts, and numbers only
// grow, so a step is always newer than the steps it depends on.
type Steps struct{ n atomic.Uint64 }

// Next returns the next step number.
func (s *Steps) Next() uint64 { return s.n.Add(1) }

// ApplyImport writes one slice of an import in one transaction, with an undo step for
// every change, and updates the index.
// Holding the write lock for one slice at a time keeps the interface responsive between
// slices.
func (s *Service) ApplyImport(importID uint64, steps *Steps, rows []ImportRow) ([]ImportResult, error) {
	if err := s.ready(); err != nil {
		return nil, err
	}
	results := make([]ImportResult, len(rows))
	var changed []uint64
	defer func() {
		if len(changed) > 0 {
			s.emit.Emit(events.ContactsChanged, events.ContactsChangedPayload{})
			s.emit.Emit(events.GroupsChanged, events.GroupsChangedPayload{})
		}
	}()
	s.mu.Lock()
	defer s.mu.Unlock()

	// IDs are taken before the transaction so that a retried commit reuses them.
	ids := make([]uint64, len(rows))
	for i, r := range rows {
		if r.ExistingID != 0 {
			continue
		}
		if _, taken := s.idx.phoneOwner(r.Record.Phone); taken {
			continue
		}
		id, err := s.newID("contact")
		if err != nil {
			return nil, apperr.Wrap(err, "import")
		}
		ids[i] = id
	}
	type written struct {
		rec    store.Contact
		groups []uint64
	}
	out := make([]written, 0, len(rows))
	err := s.db.Update(func(t *store.Txn) error {
		out = out[:0]
		clear(results)
		var created []uint64
		var members []store.Membership
		for i, r := range rows {
			rec := r.Record
			var groups []uint64
			isNew := false
			switch {
			case r.ExistingID == 0 && ids[i] == 0:
				results[i] = ImportConflict
				continue
			case r.ExistingID == 0:
				// The index says the phone is free and the ID is fresh, and the write lock
				// keeps it so, so the contact is written without reading first, in its
				// groups (one record, one phone key). Undo deletes it, groups and all, so
				// its memberships need no undo step of their own.
				rec.ID = ids[i]
				for _, gid := range r.AddGroups {
					if _, ok := s.idx.groups[gid]; ok {
						groups = append(groups, gid)
					}
				}
				slices.Sort(groups)
				groups = slices.Compact(groups)
				if err := t.InsertContactInGroups(rec, groups); err != nil {
					return err
				}
				created = append(created, rec.ID)
				results[i] = ImportCreated
				isNew = true
			default:
				if !s.idx.has(r.ExistingID) {
					results[i] = ImportConflict
					continue
				}
				groups = s.idx.groupsOf(r.ExistingID)
				prev, err := t.Contact(r.ExistingID)
				if err != nil {
					return err
				}
				rec.ID = r.ExistingID
				results[i] = ImportUnchanged
				if !sameRecord(prev, rec) {
					if owner, taken := s.idx.phoneOwner(rec.Phone); taken && owner != rec.ID {
						results[i] = ImportConflict
						continue
					}
					if err := t.PutContact(rec); err != nil {
						return err
					}
					if err := t.PutUndo(importID, steps.Next(), store.UndoStep{Kind: store.UndoUpdated, ContactID: rec.ID, Previous: prev}); err != nil {
						return err
					}
					results[i] = ImportUpdated
				} else {
					rec = prev
				}
			}
			for _, gid := range r.AddGroups {
				if isNew {
					break // written with the record
				}
				if _, ok := s.idx.groups[gid]; !ok || slices.Contains(groups, gid) {
					continue
				}
				if added, err := t.AddMember(gid, rec.ID); err != nil {
					return err
				} else if !added {
					continue
				}
				members = append(members, store.Membership{GroupID: gid, ContactID: rec.ID})
				if results[i] == ImportUnchanged {
					results[i] = ImportUpdated
				}
				groups = append(groups, gid)
			}
			slices.Sort(groups)
			out = append(out, written{rec, slices.Compact(groups)})
		}
		// One step for the slice's new contacts and one for the memberships it added to
		// existing contacts; undo replays steps newest first, so memberships go before
		// the contacts.
		if len(created) > 0 {
			if err := t.PutUndo(importID, steps.Next(), store.UndoStep{Kind: store.UndoCreated, ContactIDs: created}); err != nil {
				return err
			}
		}
		if len(members) > 0 {
			if err := t.PutUndo(importID, steps.Next(), store.UndoStep{Kind: store.UndoMember, Members: members}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, apperr.Wrap(err, "import")
	}
	for _, w := range out {
		s.idx.putContact(&w.rec, w.groups)
		changed = append(changed, w.rec.ID)
	}
	return results, nil
}

// sameRecord reports whether an import leaves a stored record as it was, ignoring times.
func sameRecord(a, b store.Contact) bool {
	return a.Name == b.Name && a.Phone == b.Phone && a.Email == b.Email &&
		a.OriginalName == b.OriginalName && slices.Equal(a.Fields, b.Fields) && a.OptOut == b.OptOut
}

// EnsureGroups returns the IDs of the named groups, creating the missing ones with an
// undo step each. Names are matched ignoring case.
func (s *Service) EnsureGroups(importID uint64, steps *Steps, names []string) ([]uint64, error) {
	if err := s.ready(); err != nil {
		return nil, err
	}
	var ids []uint64
	created := false
	defer func() {
		if created {
			s.emit.Emit(events.GroupsChanged, events.GroupsChangedPayload{})
		}
	}()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, raw := range names {
		name := cleanText(raw)
		if name == "" {
			continue
		}
		if len([]rune(name)) > MaxGroupNameLength {
			name = string([]rune(name)[:MaxGroupNameLength])
		}
		fold := FoldGroupName(name)
		if id, ok := s.groupIDByFold(fold); ok {
			ids = append(ids, id)
			continue
		}
		id, err := s.newID("group")
		if err != nil {
			return nil, apperr.Wrap(err, "create group")
		}
		now := s.nowMillis()
		rec := store.Group{ID: id, Name: name, CreatedAt: now, UpdatedAt: now}
		err = s.db.Update(func(t *store.Txn) error {
			if err := t.PutGroup(rec, fold, ""); err != nil {
				return err
			}
			return t.PutUndo(importID, steps.Next(), store.UndoStep{Kind: store.UndoGroup, GroupID: id})
		})
		if err != nil {
			return nil, s.storeError(err, "create group")
		}
		s.idx.putGroup(rec, fold)
		ids = append(ids, id)
		created = true
	}
	return ids, nil
}

func (s *Service) groupIDByFold(fold string) (uint64, bool) {
	for id, g := range s.idx.groups {
		if g.fold == fold {
			return id, true
		}
	}
	return 0, false
}

// PhonesNow returns a test that is true for every canonical phone that belongs to a
// contact now, and false for most phones that do not: a sorted copy of the index's phone
// keys (8 bytes a contact), searched without the service's lock. An import asks it first
// and calls ExistingByPhone only when it says yes, so the goroutine that reads the file
// does not wait for the lock, which the goroutine that writes holds for most of each
// slice, on every row. A contact added while the import runs is not in the copy: its
// row is planned as new and the write finds the phone taken (ImportConflict), as it
// does for a contact added between planning and writing.
func (s *Service) PhonesNow() func(phone string) bool {
	if s.ready() != nil {
		return func(string) bool { return true }
	}
	s.mu.RLock()
	keys := make([]uint64, 0, s.idx.live)
	for sl, k := range s.idx.phones {
		if k != 0 && !s.idx.dead.has(uint32(sl)) {
			keys = append(keys, k)
		}
	}
	s.mu.RUnlock()
	slices.Sort(keys)
	return func(phone string) bool {
		k := phoneKey(phone)
		if k == 0 {
			return true // not a number the copy can hold: ask the index
		}
		_, found := slices.BinarySearch(keys, k)
		return found
	}
}

// ExistingByPhone returns the stored contact with this canonical phone and its groups.
func (s *Service) ExistingByPhone(phone string) (store.Contact, []uint64, bool, error) {
	if err := s.ready(); err != nil {
		return store.Contact{}, nil, false, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	id, ok := s.idx.phoneOwner(phone)
	if !ok {
		return store.Contact{}, nil, false, nil
	}
	var rec store.Contact
	err := s.db.View(func(t *store.Txn) error {
		var err error
		rec, err = t.Contact(id)
		return err
	})
	if err != nil {
		return store.Contact{}, nil, false, apperr.Wrap(err, "read contact")
	}
	return rec, s.idx.groupsOf(id), true, nil
}

// UndoResult counts what undoing an import did.
type UndoResult struct {
	Removed  int `json:"removed"`  // contacts the import had created
	Restored int `json:"restored"` // contacts put back as they were before the import
	Left     int `json:"left"`     // changes that could not be reversed (e.g. a number now used by another contact)
}

// UndoImport reverses an import step by step, newest first, in slices of one transaction
// each: every slice deletes the undo steps it applied, so an interrupted undo continues
// where it stopped when run again.
func (s *Service) UndoImport(importID uint64) (res UndoResult, err error) {
	if err := s.ready(); err != nil {
		return res, err
	}
	defer func() {
		s.emit.Emit(events.ContactsChanged, events.ContactsChangedPayload{})
		s.emit.Emit(events.GroupsChanged, events.GroupsChangedPayload{})
	}()
	// A slice holds a few steps; an import's steps each cover up to a thousand contacts.
	// A slice too big for one transaction is retried with fewer steps.
	limit := 4
	for {
		steps, numbers, err := s.db.UndoSteps(importID, 0, limit)
		if err != nil {
			return res, apperr.Wrap(err, "read undo steps")
		}
		if len(steps) == 0 {
			return res, nil
		}
		err = s.undoSlice(importID, steps, numbers, &res)
		if store.IsTooBig(err) && limit > 1 {
			limit /= 2
			continue
		}
		if err != nil {
			return res, apperr.Wrap(err, "undo import")
		}
	}
}

func (s *Service) undoSlice(importID uint64, steps []store.UndoStep, numbers []uint64, res *UndoResult) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var touched []uint64
	var groupSteps []int // UndoGroup steps, applied once the others are
	var r UndoResult
	err := s.db.Update(func(t *store.Txn) error {
		touched, groupSteps, r = touched[:0], groupSteps[:0], UndoResult{}
		for i, u := range steps {
			if u.Kind == store.UndoGroup {
				groupSteps = append(groupSteps, i)
				continue
			}
			if err := t.DeleteUndo(importID, numbers[i]); err != nil {
				return err
			}
			switch u.Kind {
			case store.UndoCreated:
				for _, id := range u.ContactIDs {
					err := t.DeleteContact(id)
					if err == nil {
						r.Removed++
					} else if !errors.Is(err, store.ErrNotFound) {
						return err
					}
					touched = append(touched, id)
				}
			case store.UndoUpdated:
				err := t.PutContact(u.Previous)
				var taken *store.PhoneTakenError
				switch {
				case err == nil:
					r.Restored++
				case errors.As(err, &taken):
					r.Left++
				default:
					return err
				}
			case store.UndoDeleted:
				for _, dc := range u.Deleted {
					if s.idx.has(dc.Contact.ID) {
						continue
					}
					if _, taken := s.idx.phoneOwner(dc.Contact.Phone); taken {
						r.Left++
						continue
					}
					if err := t.PutContact(dc.Contact); err != nil {
						return err
					}
					for _, gid := range dc.Groups {
						if _, ok := s.idx.groups[gid]; ok {
							if _, err := t.AddMember(gid, dc.Contact.ID); err != nil {
								return err
							}
						}
					}
					r.Restored++
					touched = append(touched, dc.Contact.ID)
				}
			case store.UndoMember:
				for _, m := range u.Members {
					if _, err := t.RemoveMember(m.GroupID, m.ContactID); err != nil {
						return err
					}
					touched = append(touched, m.ContactID)
				}
			}
			if u.ContactID != 0 {
				touched = append(touched, u.ContactID)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	res.Removed += r.Removed
	res.Restored += r.Restored
	res.Left += r.Left
	if err := s.refresh(touched); err != nil {
		return err
	}
	// A group the import created goes only if the undo emptied it: a group the user has
	// since filled by hand stays. Its step goes in the same transaction as the group, after
	// the other steps of the slice, so the index, now up to date with them, gives the
	// member count without reading every contact. Steps are newest first, and a group is
	// created before any row that joins it, so its members' steps are already undone.
	for _, i := range groupSteps {
		gid := steps[i].GroupID
		g, ok := s.idx.groups[gid]
		empty := ok && g.count == 0
		err := s.db.Update(func(t *store.Txn) error {
			if err := t.DeleteUndo(importID, numbers[i]); err != nil {
				return err
			}
			if !empty {
				return nil
			}
			if err := t.DeleteGroup(gid, g.fold); err != nil && !errors.Is(err, store.ErrNotFound) {
				return err
			}
			return nil
		})
		if err != nil {
			return err
		}
		if empty {
			s.idx.deleteGroup(gid)
		}
	}
	return nil
}

// refresh reloads contacts from the store into the index after changes made outside
// the usual paths (undo), so the index matches whatever the store now holds.
func (s *Service) refresh(ids []uint64) error {
	return s.db.View(func(t *store.Txn) error {
		for _, id := range slices.Compact(slices.Sorted(slices.Values(ids))) {
			rec, err := t.Contact(id)
			if errors.Is(err, store.ErrNotFound) {
				s.idx.deleteContact(id)
				continue
			}
			if err != nil {
				return fmt.Errorf("reload contact %d: %w", id, err)
			}
			gids, err := t.ContactGroups(id)
			if err != nil {
				return err
			}
			gids = slices.DeleteFunc(gids, func(g uint64) bool { _, ok := s.idx.groups[g]; return !ok })
			s.idx.putContact(&rec, gids)
		}
		return nil
	})
}

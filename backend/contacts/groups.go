package contacts

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"kontak/backend/apperr"
	"kontak/backend/events"
	"kontak/backend/store"
)

// Groups is the group half of the service, bound to the interface.
type Groups struct {
	s *Service
}

func validateGroup(in GroupInput) (name, description string, err error) {
	name = cleanText(in.Name)
	description = cleanMultiline(strings.ToValidUTF8(in.Description, ""))
	switch {
	case name == "":
		return "", "", apperr.New(apperr.Invalid, "group.name.empty", "a group name is required").OnField("name")
	case utf8.RuneCountInString(name) > MaxGroupNameLength:
		return "", "", apperr.New(apperr.Invalid, "group.name.too_long",
			fmt.Sprintf("a group name can have at most %d characters", MaxGroupNameLength)).
			OnField("name").With("max", fmt.Sprint(MaxGroupNameLength))
	case utf8.RuneCountInString(description) > MaxDescriptionLength:
		return "", "", apperr.New(apperr.Invalid, "group.description.too_long",
			fmt.Sprintf("a description can have at most %d characters", MaxDescriptionLength)).
			OnField("description").With("max", fmt.Sprint(MaxDescriptionLength))
	}
	return name, description, nil
}

// Create makes a new group. Names are unique regardless of letter case.
func (g *Groups) Create(in GroupInput) (_ Group, err error) {
	defer apperr.Recover(&err, "create group")
	s := g.s
	if err := s.ready(); err != nil {
		return Group{}, err
	}
	name, description, err := validateGroup(in)
	if err != nil {
		return Group{}, err
	}
	defer func() {
		if err == nil {
			s.emit.Emit(events.GroupsChanged, events.GroupsChangedPayload{})
		}
	}()
	s.mu.Lock()
	defer s.mu.Unlock()
	id, err := s.newID("group")
	if err != nil {
		return Group{}, apperr.Wrap(err, "create group")
	}
	now := s.nowMillis()
	rec := store.Group{ID: id, Name: name, Description: description, CreatedAt: now, UpdatedAt: now}
	fold := FoldGroupName(name)
	if err := s.db.Update(func(t *store.Txn) error { return t.PutGroup(rec, fold, "") }); err != nil {
		return Group{}, s.storeError(err, "create group")
	}
	s.idx.putGroup(rec, fold)
	return groupView(s.idx.groups[id]), nil
}

// Update renames a group and/or changes its description.
func (g *Groups) Update(id uint64, in GroupInput) (_ Group, err error) {
	defer apperr.Recover(&err, "update group")
	s := g.s
	if err := s.ready(); err != nil {
		return Group{}, err
	}
	name, description, err := validateGroup(in)
	if err != nil {
		return Group{}, err
	}
	defer func() {
		if err == nil {
			s.emit.Emit(events.GroupsChanged, events.GroupsChangedPayload{})
		}
	}()
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, ok := s.idx.groups[id]
	if !ok {
		return Group{}, groupNotFound(id)
	}
	rec := cur.g
	rec.Name, rec.Description, rec.UpdatedAt = name, description, s.nowMillis()
	fold := FoldGroupName(name)
	if err := s.db.Update(func(t *store.Txn) error { return t.PutGroup(rec, fold, cur.fold) }); err != nil {
		return Group{}, s.storeError(err, "update group")
	}
	s.idx.putGroup(rec, fold)
	return groupView(s.idx.groups[id]), nil
}

// Delete removes a group. Its contacts stay; only their membership in it goes.
func (g *Groups) Delete(id uint64) (_ Group, err error) {
	defer apperr.Recover(&err, "delete group")
	s := g.s
	if err := s.ready(); err != nil {
		return Group{}, err
	}
	deleted := false
	defer func() {
		if deleted {
			s.emit.Emit(events.GroupsChanged, events.GroupsChangedPayload{})
			s.emit.Emit(events.ContactsChanged, events.ContactsChangedPayload{})
		}
	}()
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, ok := s.idx.groups[id]
	if !ok {
		return Group{}, groupNotFound(id)
	}
	out := groupView(cur)
	err = s.db.Update(func(t *store.Txn) error { return t.DeleteGroup(id, cur.fold) })
	if errors.Is(err, store.ErrNotFound) {
		return Group{}, groupNotFound(id)
	}
	if err != nil {
		return Group{}, apperr.Wrap(err, "delete group")
	}
	// The group is gone for good once its record is; its edges are cleaned up now, or at
	// the next start if this is interrupted.
	s.idx.deleteGroup(id)
	deleted = true
	if err := s.db.RemoveMemberships(id); err != nil {
		return out, apperr.Wrap(err, "delete group memberships")
	}
	return out, nil
}

// List returns every group, sorted by name, with its member count.
func (g *Groups) List() (_ []Group, err error) {
	defer apperr.Recover(&err, "list groups")
	s := g.s
	if err := s.ready(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]Group, 0, len(s.idx.groups))
	for _, ge := range s.idx.groups {
		out = append(out, groupView(ge))
	}
	slices.SortFunc(out, func(a, b Group) int {
		if c := strings.Compare(FoldGroupName(a.Name), FoldGroupName(b.Name)); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out, nil
}

// Get returns one group with its member count.
func (g *Groups) Get(id uint64) (_ Group, err error) {
	defer apperr.Recover(&err, "get group")
	s := g.s
	if err := s.ready(); err != nil {
		return Group{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	ge, ok := s.idx.groups[id]
	if !ok {
		return Group{}, groupNotFound(id)
	}
	return groupView(ge), nil
}

// GroupByName finds a group by name, ignoring case; the CLI and importers use it. It is
// a method of Service, not Groups, because Groups is bound to the interface.
func (s *Service) GroupByName(name string) (Group, bool) {
	fold := FoldGroupName(cleanText(name))
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, ge := range s.idx.groups {
		if ge.fold == fold {
			return groupView(ge), true
		}
	}
	return Group{}, false
}

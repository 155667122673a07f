package contacts

import (
	"bytes"
	"cmp"
	"errors"
	"iter"
	"math/bits"
	"slices"

	"kontak/backend/apperr"
	"kontak/backend/phone"
	"kontak/backend/store"
)

// Audiences: who a campaign or broadcast reaches. Everything is computed on the index's
// bitsets, a word (64 contacts) at a time: the union of the included groups, minus the
// excluded groups, minus the opted-out contacts; only the contacts left are looked at one
// by one (phone, filters, recently contacted). At a million contacts that is a few
// milliseconds. Phones are unique in the store (its p/ index), so every contact is one
// phone and the list has each phone once.

// AudienceSpec selects the recipients of an audience.
type AudienceSpec struct {
	Include []uint64 // groups; anyone in any of them
	Exclude []uint64 // groups; anyone in one of them is left out
	// Filters; zero values mean no filter.
	HasEmail   bool
	AddedSince int64  // Unix ms; contacts created before are left out
	Source     string // as Query.Source
	// Recent are the contacts to leave out as recently contacted, ascending IDs.
	Recent []uint64
}

// AudienceCount is the size of an audience and where the other contacts of the included
// groups went, each counted once under the first reason in this order: excluded group,
// opted out, invalid phone, filtered, recently contacted.
type AudienceCount struct {
	Recipients        int
	InGroups          int
	ExcludedByGroup   int
	OptedOut          int
	InvalidPhone      int
	Filtered          int
	RecentlyContacted int
	// MissingGroups are groups of the spec that no longer exist; they add nobody.
	MissingGroups []uint64
}

// Reasons of AudienceWhy; campaigns shows them as they are.
const (
	AudienceIncluded          = "included"
	AudienceNotInGroups       = "not-in-groups"
	AudienceExcludedGroup     = "excluded-group"
	AudienceOptedOut          = "opted-out"
	AudienceInvalidPhone      = "invalid-phone"
	AudienceNoEmail           = "no-email"
	AudienceAddedBefore       = "added-before"
	AudienceOtherSource       = "other-source"
	AudienceRecentlyContacted = "recently-contacted"
)

// AudienceWhy explains one contact's place in an audience.
type AudienceWhy struct {
	Included      bool
	Reason        string
	Via           []uint64 // included groups the contact is in
	ExcludedBy    []uint64 // excluded groups the contact is in
	MissingGroups []uint64
}

// validPhoneKey reports whether an index phone can be a WhatsApp number: canonical
// digits (phoneKey is 0 otherwise) of 8 to 15 digits, E.164's longest.
func validPhoneKey(k uint64) bool { return k >= 10_000_000 && k < 1_000_000_000_000_000 }

// audienceSet is an audience resolved against the index.
type audienceSet struct {
	members bitset // the recipients
	count   AudienceCount
}

// recentSlots turns ascending contact IDs into slots by walking them beside the index's
// ascending IDs.
func (x *index) recentSlots(ids []uint64) *bitset {
	b := &bitset{}
	b.grow(uint32(len(x.ids)))
	j := 0
	for _, id := range ids {
		for j < len(x.ids) && x.ids[j] < id {
			j++
		}
		if j < len(x.ids) && x.ids[j] == id {
			b.set(uint32(j))
		}
	}
	return b
}

// resolveAudience computes the recipients of spec. Groups that do not exist add nobody
// and are listed in MissingGroups.
func (x *index) resolveAudience(spec AudienceSpec) *audienceSet {
	a := &audienceSet{}
	words := (len(x.ids) + 63) / 64
	a.members.w = make([]uint64, words)
	u := a.members.w
	for _, gid := range spec.Include {
		g := x.groups[gid]
		if g == nil {
			a.count.MissingGroups = append(a.count.MissingGroups, gid)
			continue
		}
		for i, w := range g.members.w[:min(len(g.members.w), words)] {
			u[i] |= w
		}
	}
	for _, w := range u {
		a.count.InGroups += bits.OnesCount64(w)
	}
	var exclude []*bitset
	for _, gid := range spec.Exclude {
		g := x.groups[gid]
		if g == nil {
			a.count.MissingGroups = append(a.count.MissingGroups, gid)
			continue
		}
		exclude = append(exclude, &g.members)
	}
	for _, e := range exclude {
		for i, w := range e.w[:min(len(e.w), words)] {
			if hit := u[i] & w; hit != 0 {
				a.count.ExcludedByGroup += bits.OnesCount64(hit)
				u[i] &^= hit
			}
		}
	}
	for i, w := range x.optOut.w[:min(len(x.optOut.w), words)] {
		if hit := u[i] & w; hit != 0 {
			a.count.OptedOut += bits.OnesCount64(hit)
			u[i] &^= hit
		}
	}
	var recent *bitset
	if len(spec.Recent) > 0 {
		recent = x.recentSlots(spec.Recent)
	}
	source := int64(-1)
	if spec.Source != "" {
		source = int64(sourceCode(spec.Source))
	}
	for i := range u {
		w := u[i]
		for w != 0 {
			t := bits.TrailingZeros64(w)
			w &= w - 1
			s := uint32(i*64 + t)
			switch {
			case !validPhoneKey(x.phones[s]):
				a.count.InvalidPhone++
			case spec.HasEmail && !x.email.has(s),
				spec.AddedSince != 0 && x.created[s] < spec.AddedSince,
				source >= 0 && int64(x.sources[s]) != source:
				a.count.Filtered++
			case recent != nil && recent.has(s):
				a.count.RecentlyContacted++
			default:
				a.count.Recipients++
				continue
			}
			u[i] &^= 1 << t
		}
	}
	return a
}

// eachInAudience yields the recipients in the list's stable order: by folded name, and
// contacts with the same name by phone number. It stops when yield returns false.
func (x *index) eachInAudience(a *audienceSet, yield func(s uint32) bool) {
	order, _ := x.nameOrder()
	var run []uint32 // recipients with the same name, waiting to be sorted by phone
	flush := func() bool {
		if len(run) > 1 {
			slices.SortFunc(run, func(p, q uint32) int {
				switch {
				case x.phones[p] < x.phones[q]:
					return -1
				case x.phones[p] > x.phones[q]:
					return 1
				}
				return cmp.Compare(x.ids[p], x.ids[q])
			})
		}
		for _, s := range run {
			if !yield(s) {
				return false
			}
		}
		run = run[:0]
		return true
	}
	for _, s := range order {
		if !a.members.has(s) {
			continue
		}
		if len(run) > 0 && !bytes.Equal(x.nameKey(run[0]), x.nameKey(s)) {
			if !flush() {
				return
			}
		}
		run = append(run, s)
	}
	flush()
}

// AudienceCount sizes an audience.
func (s *Service) AudienceCount(spec AudienceSpec) (AudienceCount, error) {
	c, _, err := s.AudiencePage(spec, 0, 0)
	return c, err
}

// AudiencePage returns the count of an audience and the IDs of limit recipients from
// offset, in the list's order.
func (s *Service) AudiencePage(spec AudienceSpec, offset, limit int) (AudienceCount, []uint64, error) {
	if err := s.ready(); err != nil {
		return AudienceCount{}, nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	x := s.idx
	a := x.resolveAudience(spec)
	ids := []uint64{}
	if limit > 0 && offset < a.count.Recipients {
		i := 0
		x.eachInAudience(a, func(sl uint32) bool {
			if i >= offset {
				ids = append(ids, x.ids[sl])
			}
			i++
			return len(ids) < limit
		})
	}
	return a.count, ids, nil
}

// AudienceIDs returns every recipient of an audience in the list's order, for an output.
func (s *Service) AudienceIDs(spec AudienceSpec) (AudienceCount, []uint64, error) {
	if err := s.ready(); err != nil {
		return AudienceCount{}, nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	x := s.idx
	a := x.resolveAudience(spec)
	ids := make([]uint64, 0, a.count.Recipients)
	x.eachInAudience(a, func(sl uint32) bool {
		ids = append(ids, x.ids[sl])
		return true
	})
	return a.count, ids, nil
}

// AudienceWhy explains whether a contact is in an audience, and why.
func (s *Service) AudienceWhy(spec AudienceSpec, id uint64) (AudienceWhy, error) {
	if err := s.ready(); err != nil {
		return AudienceWhy{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	x := s.idx
	sl, ok := x.slot(id)
	if !ok {
		return AudienceWhy{}, contactNotFound(id)
	}
	w := AudienceWhy{Via: []uint64{}, ExcludedBy: []uint64{}, MissingGroups: []uint64{}}
	for _, gid := range spec.Include {
		switch g := x.groups[gid]; {
		case g == nil:
			w.MissingGroups = append(w.MissingGroups, gid)
		case g.members.has(sl) && !slices.Contains(w.Via, gid):
			w.Via = append(w.Via, gid)
		}
	}
	for _, gid := range spec.Exclude {
		switch g := x.groups[gid]; {
		case g == nil:
			w.MissingGroups = append(w.MissingGroups, gid)
		case g.members.has(sl) && !slices.Contains(w.ExcludedBy, gid):
			w.ExcludedBy = append(w.ExcludedBy, gid)
		}
	}
	_, recent := slices.BinarySearch(spec.Recent, id)
	switch {
	case len(w.Via) == 0:
		w.Reason = AudienceNotInGroups
	case len(w.ExcludedBy) > 0:
		w.Reason = AudienceExcludedGroup
	case x.optOut.has(sl):
		w.Reason = AudienceOptedOut
	case !validPhoneKey(x.phones[sl]):
		w.Reason = AudienceInvalidPhone
	case spec.HasEmail && !x.email.has(sl):
		w.Reason = AudienceNoEmail
	case spec.AddedSince != 0 && x.created[sl] < spec.AddedSince:
		w.Reason = AudienceAddedBefore
	case spec.Source != "" && x.sources[sl] != sourceCode(spec.Source):
		w.Reason = AudienceOtherSource
	case recent:
		w.Reason = AudienceRecentlyContacted
	default:
		w.Included, w.Reason = true, AudienceIncluded
	}
	return w, nil
}

// ReadContacts yields the contacts with the given IDs in that order, read from the
// store a slice at a time so that a long read holds neither the lock nor a transaction
// for long. Contacts deleted meanwhile are skipped.
func (s *Service) ReadContacts(ids []uint64) iter.Seq2[Contact, error] {
	return func(yield func(Contact, error) bool) {
		if err := s.ready(); err != nil {
			yield(Contact{}, err)
			return
		}
		for rec, err := range s.records(ids) {
			if err != nil {
				yield(Contact{}, apperr.Wrap(err, "read contacts"))
				return
			}
			if !yield(s.view(&rec.c, rec.groups), nil) {
				return
			}
		}
	}
}

// setOptOut flips a live contact's opt-out bit.
func (x *index) setOptOut(id uint64, optOut bool) {
	if sl, ok := x.slot(id); ok {
		if optOut {
			x.optOut.set(sl)
		} else {
			x.optOut.clear(sl)
		}
	}
}

// optOutChunk marks one slice of contacts in one transaction and returns the ones that
// changed.
func (s *Service) optOutChunk(chunk []uint64, optOut bool) ([]uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var done []uint64
	err := s.db.Update(func(t *store.Txn) error {
		done = done[:0]
		now := s.nowMillis()
		for _, id := range chunk {
			c, ok, err := s.liveRecord(t, id)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			if c.OptOut == optOut {
				continue
			}
			c.OptOut, c.UpdatedAt = optOut, now
			if err := t.PutContact(c); err != nil {
				return err
			}
			done = append(done, id)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, id := range done {
		s.idx.setOptOut(id, optOut)
	}
	return done, nil
}

// EachStored calls fn with the stored form of each contact of ids, which must be
// ascending, skipping deleted ones; group memberships are not filled in. Reading in ID
// order walks the table instead of looking each contact up, which is what a large output
// needs. c is valid only during fn.
func (s *Service) EachStored(ids []uint64, fn func(c *Contact) error) error {
	if err := s.ready(); err != nil {
		return err
	}
	var c Contact
	err := s.db.EachContactIn(ids, func(rec store.Contact) error {
		c = Contact{ID: rec.ID, Name: rec.Name, Phone: rec.Phone, Display: phone.Display(rec.Phone), Email: rec.Email, Fields: c.Fields[:0],
			Source: rec.Source, CreatedAt: rec.CreatedAt, OptOut: rec.OptOut}
		for _, f := range rec.Fields {
			c.Fields = append(c.Fields, Field{Key: f.Key, Value: f.Value})
		}
		return fn(&c)
	})
	var ae *apperr.Error
	if err != nil && !errors.As(err, &ae) {
		return apperr.Wrap(err, "read contacts")
	}
	return err
}

package contacts

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"kontak/backend/store"
)

// entry is what the in-memory index keeps of a contact: enough to search, filter, sort
// and count without touching the database. Full records (custom fields) are read from
// the store only for the page being shown.
type entry struct {
	id       uint64
	name     string
	phone    string
	email    string
	created  int64
	sortKey  string   // folded name, for sorting
	haystack string   // folded "name\x1femail", for text search
	groups   []uint64 // sorted group IDs
}

type groupEntry struct {
	g       store.Group
	fold    string
	members map[uint64]struct{}
}

// index holds every contact and group in memory so that listing, searching and counting
// never scan the database. The Service's mutex guards it; every write to the store is
// followed by the same change here while the mutex is held.
type index struct {
	contacts map[uint64]*entry
	byPhone  map[string]uint64
	groups   map[uint64]*groupEntry

	// sortMu guards the two sorted views: List runs under the Service's read lock, so
	// two concurrent lists may both find a view missing and build it.
	sortMu   sync.Mutex
	byName   []*entry // nil when it must be rebuilt
	byNewest []*entry // nil when it must be rebuilt
}

func newIndex() *index {
	return &index{
		contacts: make(map[uint64]*entry),
		byPhone:  make(map[string]uint64),
		groups:   make(map[uint64]*groupEntry),
	}
}

func newEntry(c *store.Contact, groups []uint64) *entry {
	fname := foldSearch(c.Name)
	return &entry{
		id:       c.ID,
		name:     c.Name,
		phone:    c.Phone,
		email:    c.Email,
		created:  c.CreatedAt,
		sortKey:  fname,
		haystack: fname + "\x1f" + foldSearch(c.Email),
		groups:   groups,
	}
}

// putContact adds or replaces a contact; groups must be its complete, sorted group list.
func (x *index) putContact(c *store.Contact, groups []uint64) {
	if old, ok := x.contacts[c.ID]; ok {
		delete(x.byPhone, old.phone)
		for _, gid := range old.groups {
			if g := x.groups[gid]; g != nil {
				delete(g.members, c.ID)
			}
		}
	}
	e := newEntry(c, groups)
	x.contacts[c.ID] = e
	x.byPhone[c.Phone] = c.ID
	for _, gid := range groups {
		if g := x.groups[gid]; g != nil {
			g.members[c.ID] = struct{}{}
		}
	}
	x.byName, x.byNewest = nil, nil
}

func (x *index) deleteContact(id uint64) {
	e, ok := x.contacts[id]
	if !ok {
		return
	}
	for _, gid := range e.groups {
		if g := x.groups[gid]; g != nil {
			delete(g.members, id)
		}
	}
	delete(x.byPhone, e.phone)
	delete(x.contacts, id)
	x.byName, x.byNewest = nil, nil
}

func (x *index) addMember(gid, cid uint64) {
	e, g := x.contacts[cid], x.groups[gid]
	if e == nil || g == nil {
		return
	}
	g.members[cid] = struct{}{}
	if i, found := slices.BinarySearch(e.groups, gid); !found {
		e.groups = slices.Insert(e.groups, i, gid)
	}
}

func (x *index) removeMember(gid, cid uint64) {
	if g := x.groups[gid]; g != nil {
		delete(g.members, cid)
	}
	if e := x.contacts[cid]; e != nil {
		if i, found := slices.BinarySearch(e.groups, gid); found {
			e.groups = slices.Delete(e.groups, i, i+1)
		}
	}
}

func (x *index) putGroup(g store.Group, fold string) {
	if old, ok := x.groups[g.ID]; ok {
		old.g, old.fold = g, fold
		return
	}
	x.groups[g.ID] = &groupEntry{g: g, fold: fold, members: make(map[uint64]struct{})}
}

func (x *index) deleteGroup(gid uint64) {
	g, ok := x.groups[gid]
	if !ok {
		return
	}
	for cid := range g.members {
		if e := x.contacts[cid]; e != nil {
			if i, found := slices.BinarySearch(e.groups, gid); found {
				e.groups = slices.Delete(e.groups, i, i+1)
			}
		}
	}
	delete(x.groups, gid)
}

// ordered returns every contact in the requested order, sorting again only after a write.
func (x *index) ordered(sort string) []*entry {
	x.sortMu.Lock()
	defer x.sortMu.Unlock()
	if sort == SortNewest {
		if x.byNewest == nil {
			x.byNewest = x.all()
			slices.SortFunc(x.byNewest, func(a, b *entry) int {
				if c := cmp.Compare(b.created, a.created); c != 0 {
					return c
				}
				return cmp.Compare(b.id, a.id)
			})
		}
		return x.byNewest
	}
	if x.byName == nil {
		x.byName = x.all()
		slices.SortFunc(x.byName, func(a, b *entry) int {
			if c := strings.Compare(a.sortKey, b.sortKey); c != 0 {
				return c
			}
			return cmp.Compare(a.id, b.id)
		})
	}
	return x.byName
}

func (x *index) all() []*entry {
	out := make([]*entry, 0, len(x.contacts))
	for _, e := range x.contacts {
		out = append(out, e)
	}
	return out
}

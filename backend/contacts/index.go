package contacts

import (
	"bytes"
	"math/bits"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"kontak/backend/store"
)

// The in-memory index holds what listing, searching, filtering and counting need for every
// contact, so none of them touches the database; full records are read only for the page
// shown. It is built for a million contacts in a few hundred megabytes: every contact is a
// slot, and each per-contact fact lives in a flat array indexed by slot rather than in a
// struct behind a pointer, which keeps the garbage collector's work and the memory small.
//
// Slots are appended in ID order (IDs only grow), so the slot order is also the order of
// creation, and an ID's slot is found by binary search. A deleted contact's slot is dead
// until compaction rewrites the arrays.
//
// Text search runs over one byte buffer, hay, that holds each contact as a record
//
//	folded name 0x1F folded email 0x1E phone digits '\n'
//
// so a query is a handful of bytes.Index calls over contiguous memory, which runs at
// memory speed (see performance-floors §6), instead of a loop over a million strings.
// An edited contact's new record is appended and its old one becomes garbage, so records
// are kept in their own sequence: recStarts[k] is where record k begins and recSlot[k]
// whose it is (-1 for garbage).
type index struct {
	ids       []uint64 // ascending
	recOf     []uint32 // slot → its record
	phones    []uint64 // canonical phone as a number
	sources   []uint32 // sourceManual, sourceAutoReply, or an import ID + sourceImportBase
	ngroups   []uint16 // how many groups the contact is in
	dead      bitset   // slots of deleted contacts
	email     bitset   // slots of contacts that have an email
	optOut    bitset   // slots of contacts who asked not to be contacted (audience.go)
	created   []int64  // slot → CreatedAt, Unix ms (audience filters)
	hay       []byte
	recStarts []uint32 // ascending
	recSlot   []int32
	live      int // slots that are not dead
	garbage   int // bytes of hay in garbage records
	inserts   int // single inserts into the name order since it was last read

	byPhone map[uint64]uint32 // phone → slot
	groups  map[uint64]*groupEntry

	// sortMu guards the name order. List runs under the Service's read lock, so two lists
	// may both find it missing and build it.
	sortMu sync.Mutex
	byName []uint32    // live slots by folded name, then ID; nil when it must be rebuilt
	built  atomic.Bool // byName != nil, readable without waiting for a sort in progress
	rank   []uint32    // slot → position in byName; valid while rankOK
	rankOK bool

	phoneOrd phoneOrder // live slots by phone, for phone-prefix searches (phoneorder.go)
	sigs     recordSigs // what kinds of bytes each record holds, for word searches (textsig.go)
}

type groupEntry struct {
	g       store.Group
	fold    string
	members bitset // slots
	count   int
}

const (
	sourceManual     = 0
	sourceAutoReply  = 1
	sourceOther      = 2
	sourceImportBase = 16
)

func sourceCode(s string) uint32 {
	switch {
	case s == "" || s == "manual":
		return sourceManual
	case s == "autoreply":
		return sourceAutoReply
	case len(s) > 7 && s[:7] == "import:":
		if n, err := strconv.ParseUint(s[7:], 10, 32); err == nil && n < 1<<31 {
			return uint32(n) + sourceImportBase
		}
	}
	return sourceOther
}

func newIndex() *index {
	return &index{byPhone: make(map[uint64]uint32), groups: make(map[uint64]*groupEntry)}
}

func phoneKeyBytes(phone []byte) uint64 {
	if len(phone) == 0 || len(phone) > 19 {
		return 0
	}
	var n uint64
	for _, c := range phone {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + uint64(c-'0')
	}
	return n
}

// phoneKey turns a canonical phone into the index's key. Canonical phones are at most 15
// digits and never start with 0, so the number is unique; anything else maps to 0, which
// no real phone has.
func phoneKey(phone string) uint64 {
	if len(phone) == 0 || len(phone) > 19 {
		return 0
	}
	var n uint64
	for i := 0; i < len(phone); i++ {
		c := phone[i]
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + uint64(c-'0')
	}
	return n
}

// slot returns the live slot of a contact.
func (x *index) slot(id uint64) (uint32, bool) {
	i, found := slices.BinarySearch(x.ids, id)
	if !found || x.dead.has(uint32(i)) {
		return 0, false
	}
	return uint32(i), true
}

func (x *index) has(id uint64) bool {
	_, ok := x.slot(id)
	return ok
}

func (x *index) count() int { return x.live }

// phoneOwner returns the contact that has this canonical phone.
func (x *index) phoneOwner(phone string) (uint64, bool) {
	k := phoneKey(phone)
	if k == 0 {
		return 0, false
	}
	s, ok := x.byPhone[k]
	if !ok {
		return 0, false
	}
	return x.ids[s], true
}

// groupsOf returns the sorted IDs of the groups a contact is in.
func (x *index) groupsOf(id uint64) []uint64 {
	s, ok := x.slot(id)
	if !ok || x.ngroups[s] == 0 {
		return []uint64{}
	}
	out := make([]uint64, 0, x.ngroups[s])
	for gid, g := range x.groups {
		if g.members.has(s) {
			out = append(out, gid)
		}
	}
	slices.Sort(out)
	return out
}

// appendRecord appends a contact's search record to hay.
func appendRecord(hay []byte, c *store.Contact) []byte {
	hay = appendClean(hay, foldSearch(c.Name))
	hay = append(hay, 0x1f)
	hay = appendClean(hay, foldSearch(c.Email))
	hay = append(hay, 0x1e)
	hay = append(hay, c.Phone...)
	return append(hay, '\n')
}

// appendClean appends s without the bytes that separate records and fields.
func appendClean(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case 0x1e, 0x1f, '\n':
			dst = append(dst, ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// record returns a slot's search record without its newline.
func (x *index) record(s uint32) []byte { return x.recordAt(x.recOf[s]) }

func (x *index) recordAt(k uint32) []byte {
	end := len(x.hay)
	if int(k)+1 < len(x.recStarts) {
		end = int(x.recStarts[k+1])
	}
	return x.hay[x.recStarts[k] : end-1]
}

// appendRecordFor appends a new record for slot s and makes it the slot's record.
func (x *index) appendRecordFor(s uint32, c *store.Contact) {
	x.recStarts = append(x.recStarts, uint32(len(x.hay)))
	x.recSlot = append(x.recSlot, int32(s))
	x.hay = appendRecord(x.hay, c)
	x.recOf[s] = uint32(len(x.recStarts) - 1)
}

// dropRecord turns a slot's record into garbage.
func (x *index) dropRecord(s uint32) {
	k := x.recOf[s]
	x.recSlot[k] = -1
	x.garbage += len(x.recordAt(k)) + 1
}

// nameKey is the folded name of a slot, the key of the name order.
func (x *index) nameKey(s uint32) []byte {
	r := x.record(s)
	if i := bytes.IndexByte(r, 0x1f); i >= 0 {
		return r[:i]
	}
	return r
}

// putContact adds a contact or replaces what the index knows of it; groups is its
// complete group list.
func (x *index) putContact(c *store.Contact, groups []uint64) {
	i, found := slices.BinarySearch(x.ids, c.ID)
	s := uint32(i)
	switch {
	case found:
		// An edit, or a deleted contact brought back by undo: the slot is reused.
		if x.dead.has(s) {
			x.dead.clear(s)
			x.live++
		} else {
			x.clearSlot(s)
			x.dropRecord(s)
			x.removeByName(s)
		}
		x.fill(s, c, groups)
		x.insertByName(s)
	case i == len(x.ids):
		x.appendSlot(c, groups)
	default:
		// An ID below the newest that the index never had (compacted away, then brought
		// back by undo): append it and let compaction restore the ID order.
		x.appendSlot(c, groups)
		x.compact()
	}
	if x.garbage > len(x.hay)/4 && x.garbage > 1<<20 {
		x.compact()
	}
}

func (x *index) appendSlot(c *store.Contact, groups []uint64) {
	s := uint32(len(x.ids))
	x.ids = append(x.ids, c.ID)
	x.recOf = append(x.recOf, 0)
	x.phones = append(x.phones, 0)
	x.sources = append(x.sources, 0)
	x.ngroups = append(x.ngroups, 0)
	x.created = append(x.created, 0)
	x.dead.grow(s + 1)
	x.email.grow(s + 1)
	x.live++
	x.fill(s, c, groups)
	x.insertByName(s)
}

// fill writes a contact's facts into slot s, which must hold no phone or memberships.
func (x *index) fill(s uint32, c *store.Contact, groups []uint64) {
	x.appendRecordFor(s, c)
	x.phones[s] = phoneKey(c.Phone)
	x.sources[s] = sourceCode(c.Source)
	if c.Email != "" {
		x.email.set(s)
	} else {
		x.email.clear(s)
	}
	x.created[s] = c.CreatedAt
	if c.OptOut {
		x.optOut.set(s)
	} else {
		x.optOut.clear(s)
	}
	if k := x.phones[s]; k != 0 {
		x.byPhone[k] = s
	}
	for _, gid := range groups {
		x.addMemberSlot(gid, s)
	}
	x.phoneOrderAdd(s)
}

// clearSlot forgets a live slot's phone and memberships before it is replaced or deleted.
func (x *index) clearSlot(s uint32) {
	x.phoneOrderRemove(s)
	if x.phones[s] != 0 && x.byPhone[x.phones[s]] == s {
		delete(x.byPhone, x.phones[s])
	}
	if x.ngroups[s] > 0 {
		for _, g := range x.groups {
			if g.members.has(s) {
				g.members.clear(s)
				g.count--
			}
		}
		x.ngroups[s] = 0
	}
}

func (x *index) deleteContact(id uint64) {
	s, ok := x.slot(id)
	if !ok {
		return
	}
	x.clearSlot(s)
	x.dropRecord(s)
	x.dead.set(s)
	x.email.clear(s)
	x.optOut.clear(s)
	x.live--
	x.removeByName(s)
	if x.garbage > len(x.hay)/4 && x.garbage > 1<<20 {
		x.compact()
	}
}

func (x *index) addMemberSlot(gid uint64, s uint32) {
	g := x.groups[gid]
	if g == nil || g.members.has(s) {
		return
	}
	g.members.grow(uint32(len(x.ids)))
	g.members.set(s)
	g.count++
	x.ngroups[s]++
}

func (x *index) addMember(gid, cid uint64) {
	if s, ok := x.slot(cid); ok {
		x.addMemberSlot(gid, s)
	}
}

func (x *index) removeMember(gid, cid uint64) {
	s, ok := x.slot(cid)
	g := x.groups[gid]
	if !ok || g == nil || !g.members.has(s) {
		return
	}
	g.members.clear(s)
	g.count--
	x.ngroups[s]--
}

func (x *index) putGroup(g store.Group, fold string) {
	if old, ok := x.groups[g.ID]; ok {
		old.g, old.fold = g, fold
		return
	}
	x.groups[g.ID] = &groupEntry{g: g, fold: fold}
}

func (x *index) deleteGroup(gid uint64) {
	g, ok := x.groups[gid]
	if !ok {
		return
	}
	for s := range g.members.each() {
		x.ngroups[s]--
	}
	delete(x.groups, gid)
}

// compact drops dead slots and garbage records and rewrites hay in slot order. It runs
// when a quarter of hay is garbage.
func (x *index) compact() {
	order := make([]uint32, 0, x.live)
	for s := range x.ids {
		if !x.dead.has(uint32(s)) {
			order = append(order, uint32(s))
		}
	}
	slices.SortFunc(order, func(a, b uint32) int {
		switch {
		case x.ids[a] < x.ids[b]:
			return -1
		case x.ids[a] > x.ids[b]:
			return 1
		}
		return 0
	})
	n := len(order)
	hay := make([]byte, 0, len(x.hay)-x.garbage+16)
	ids := make([]uint64, n)
	recOf := make([]uint32, n)
	recStarts := make([]uint32, n)
	recSlot := make([]int32, n)
	phones := make([]uint64, n)
	sources := make([]uint32, n)
	ngroups := make([]uint16, n)
	created := make([]int64, n)
	var email, dead, optOut bitset
	optOut.grow(uint32(n))
	email.grow(uint32(n))
	dead.grow(uint32(n))
	members := make(map[uint64]*bitset, len(x.groups))
	for gid := range x.groups {
		members[gid] = &bitset{}
		members[gid].grow(uint32(n))
	}
	byPhone := make(map[uint64]uint32, n)
	for i, old := range order {
		s := uint32(i)
		ids[i], phones[i], sources[i], ngroups[i] = x.ids[old], x.phones[old], x.sources[old], x.ngroups[old]
		recOf[i], recSlot[i], recStarts[i] = s, int32(s), uint32(len(hay))
		hay = append(append(hay, x.record(old)...), '\n')
		if x.email.has(old) {
			email.set(s)
		}
		created[i] = x.created[old]
		if x.optOut.has(old) {
			optOut.set(s)
		}
		if phones[i] != 0 {
			byPhone[phones[i]] = s
		}
		if ngroups[i] > 0 {
			for gid, g := range x.groups {
				if g.members.has(old) {
					members[gid].set(s)
				}
			}
		}
	}
	for gid, g := range x.groups {
		g.members = *members[gid]
	}
	x.ids, x.recOf, x.recStarts, x.recSlot = ids, recOf, recStarts, recSlot
	x.phones, x.sources, x.ngroups = phones, sources, ngroups
	x.hay, x.email, x.dead, x.byPhone = hay, email, dead, byPhone
	x.created, x.optOut = created, optOut
	x.live, x.garbage = n, 0
	x.invalidateOrder()
	x.resetSearchAids()
}

func (x *index) invalidateOrder() {
	x.sortMu.Lock()
	x.byName, x.rankOK = nil, false
	x.built.Store(false)
	x.sortMu.Unlock()
}

func (x *index) lessByName(a, b uint32) bool {
	if c := bytes.Compare(x.nameKey(a), x.nameKey(b)); c != 0 {
		return c < 0
	}
	return x.ids[a] < x.ids[b]
}

// keepNameOrder is called, with sortMu held, before one contact enters or leaves the
// name order, and reports whether the order should be edited in place. Each edit moves or
// scans the whole order, so many in a row (an import, a bulk delete) drop it instead, and
// it is sorted once when next needed.
func (x *index) keepNameOrder() bool {
	x.rankOK = false
	if x.byName == nil {
		return false
	}
	x.inserts++
	if len(x.byName) > 4096 && x.inserts > 64 {
		x.byName = nil
		x.built.Store(false)
		return false
	}
	return true
}

// insertByName keeps the name order up to date for a single new contact; when it is
// missing, the next list rebuilds it instead.
func (x *index) insertByName(s uint32) {
	x.sortMu.Lock()
	defer x.sortMu.Unlock()
	if !x.keepNameOrder() {
		return
	}
	i, _ := slices.BinarySearchFunc(x.byName, s, func(a, b uint32) int {
		if x.lessByName(a, b) {
			return -1
		}
		if a == b {
			return 0
		}
		return 1
	})
	x.byName = slices.Insert(x.byName, i, s)
}

func (x *index) removeByName(s uint32) {
	x.sortMu.Lock()
	defer x.sortMu.Unlock()
	if !x.keepNameOrder() {
		return
	}
	if i := slices.Index(x.byName, s); i >= 0 {
		x.byName = slices.Delete(x.byName, i, i+1)
	}
}

// nameOrder returns the live slots in name order and each slot's position in it.
func (x *index) nameOrder() (order, rank []uint32) {
	x.sortMu.Lock()
	defer x.sortMu.Unlock()
	x.inserts = 0
	if x.byName == nil {
		x.byName = x.sortByName()
		x.rankOK = false
		x.built.Store(true)
	}
	if !x.rankOK {
		if cap(x.rank) < len(x.ids) {
			x.rank = make([]uint32, len(x.ids))
		}
		x.rank = x.rank[:len(x.ids)]
		for i, s := range x.byName {
			x.rank[s] = uint32(i)
		}
		x.rankOK = true
	}
	return x.byName, x.rank
}

// orderReady reports whether the name order is built.
func (x *index) orderReady() bool { return x.built.Load() }

// compareByName orders two slots by folded name, then ID.
func (x *index) compareByName(a, b uint32) int {
	if c := bytes.Compare(x.nameKey(a), x.nameKey(b)); c != 0 {
		return c
	}
	switch {
	case x.ids[a] < x.ids[b]:
		return -1
	case x.ids[a] > x.ids[b]:
		return 1
	}
	return 0
}

// firstByName returns the first k live slots in name order without sorting them all:
// one pass keeps the k smallest in a sorted buffer. It serves the first page while the
// full order is still being built after start-up.
func (x *index) firstByName(k int) []uint32 {
	best := make([]uint32, 0, k+1)
	for s := range x.ids {
		sl := uint32(s)
		if x.dead.has(sl) {
			continue
		}
		if len(best) == k && x.compareByName(sl, best[k-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(best, sl, x.compareByName)
		best = slices.Insert(best, i, sl)
		if len(best) > k {
			best = best[:k]
		}
	}
	return best
}

// sortByName sorts the live slots by name. Each slot is sorted with the first eight
// bytes of its name as a number beside it, so most comparisons are one integer compare
// on adjacent memory instead of two lookups into the search buffer; both cores sort
// half each, then the halves are merged.
func (x *index) sortByName() []uint32 {
	type keyed struct {
		prefix uint64
		slot   uint32
	}
	keys := make([]keyed, 0, x.live)
	for s := range x.ids {
		if x.dead.has(uint32(s)) {
			continue
		}
		var p uint64
		name := x.nameKey(uint32(s))
		for i := 0; i < 8; i++ {
			p <<= 8
			if i < len(name) {
				p |= uint64(name[i])
			}
		}
		keys = append(keys, keyed{p, uint32(s)})
	}
	cmp := func(a, b keyed) int {
		switch {
		case a.prefix < b.prefix:
			return -1
		case a.prefix > b.prefix:
			return 1
		}
		if c := bytes.Compare(x.nameKey(a.slot), x.nameKey(b.slot)); c != 0 {
			return c
		}
		switch {
		case x.ids[a.slot] < x.ids[b.slot]:
			return -1
		case x.ids[a.slot] > x.ids[b.slot]:
			return 1
		}
		return 0
	}
	mid := len(keys) / 2
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); slices.SortFunc(keys[:mid], cmp) }()
	slices.SortFunc(keys[mid:], cmp)
	wg.Wait()
	order := make([]uint32, 0, len(keys))
	a, b := keys[:mid], keys[mid:]
	for len(a) > 0 && len(b) > 0 {
		if cmp(b[0], a[0]) < 0 {
			order, b = append(order, b[0].slot), b[1:]
		} else {
			order, a = append(order, a[0].slot), a[1:]
		}
	}
	for _, k := range a {
		order = append(order, k.slot)
	}
	for _, k := range b {
		order = append(order, k.slot)
	}
	return order
}

// bitset is a set of slots.
type bitset struct{ w []uint64 }

func (b *bitset) grow(n uint32) {
	need := int(n+63) / 64
	if need > len(b.w) {
		b.w = append(b.w, make([]uint64, need-len(b.w))...)
	}
}
func (b *bitset) has(s uint32) bool {
	i := int(s / 64)
	return i < len(b.w) && b.w[i]&(1<<(s%64)) != 0
}
func (b *bitset) set(s uint32) {
	b.grow(s + 1)
	b.w[s/64] |= 1 << (s % 64)
}
func (b *bitset) clear(s uint32) {
	if i := int(s / 64); i < len(b.w) {
		b.w[i] &^= 1 << (s % 64)
	}
}

// each yields the set slots in order.
func (b *bitset) each() func(yield func(uint32) bool) {
	return func(yield func(uint32) bool) {
		for i, w := range b.w {
			for w != 0 {
				t := bits.TrailingZeros64(w)
				if !yield(uint32(i*64 + t)) {
					return
				}
				w &= w - 1
			}
		}
	}
}

// loadIndex builds the index from the store: both halves of the contacts are read and
// indexed on their own goroutine and then joined, because at a million contacts the
// load is most of the app's start-up.
func loadIndex(db *store.DB) (*index, []store.Membership, error) {
	// Memberships come with the contacts (their records hold their groups), in contact
	// order, and are applied once the slots and groups exist.
	var halves [2][]store.Membership
	parts := [2]*index{newIndex(), newIndex()}
	err := db.EachContactSummary(func(half int, c *store.ContactSummary) error {
		parts[half].appendSummary(c)
		for _, gid := range c.Groups {
			halves[half] = append(halves[half], store.Membership{GroupID: gid, ContactID: c.ID})
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	edges := append(halves[0], halves[1]...)
	x, y := parts[0], parts[1]
	base, hayBase, recBase := uint32(len(x.ids)), uint32(len(x.hay)), uint32(len(x.recStarts))
	x.ids = append(x.ids, y.ids...)
	x.phones = append(x.phones, y.phones...)
	x.sources = append(x.sources, y.sources...)
	x.ngroups = append(x.ngroups, y.ngroups...)
	x.created = append(x.created, y.created...)
	x.hay = append(x.hay, y.hay...)
	for i := range y.recStarts {
		x.recStarts = append(x.recStarts, y.recStarts[i]+hayBase)
		x.recSlot = append(x.recSlot, y.recSlot[i]+int32(base))
		x.recOf = append(x.recOf, y.recOf[i]+recBase)
	}
	x.live += y.live
	n := uint32(len(x.ids))
	x.dead.grow(n)
	x.email.grow(n)
	for s := range y.email.each() {
		x.email.set(s + base)
	}
	x.optOut.grow(n)
	for s := range y.optOut.each() {
		x.optOut.set(s + base)
	}
	x.byPhone = make(map[uint64]uint32, n)
	for s, p := range x.phones {
		if p != 0 {
			x.byPhone[p] = uint32(s)
		}
	}
	return x, edges, nil
}

// applyMemberships sets the memberships read by loadIndex once the groups are known. The
// edges come ordered by contact, as the slots are, so each contact's slot is found by
// walking forward instead of searching. Groups that no longer exist are returned: a group
// delete that a crash interrupted left contacts that still list them.
func (x *index) applyMemberships(edges []store.Membership) (orphans []uint64) {
	for _, g := range x.groups {
		g.members.grow(uint32(len(x.ids)))
	}
	s := 0
	var g *groupEntry
	gid := uint64(0)
	for _, e := range edges {
		if e.GroupID != gid || g == nil {
			gid, g = e.GroupID, x.groups[e.GroupID]
			if g == nil {
				if !slices.Contains(orphans, gid) {
					orphans = append(orphans, gid)
				}
				continue
			}
		}
		for s < len(x.ids) && x.ids[s] < e.ContactID {
			s++
		}
		if s < len(x.ids) && x.ids[s] == e.ContactID && !g.members.has(uint32(s)) {
			g.members.set(uint32(s))
			g.count++
			x.ngroups[s]++
		}
	}
	return orphans
}

// appendSummary appends a contact read at start-up; the byte slices are not kept.
func (x *index) appendSummary(c *store.ContactSummary) {
	s := uint32(len(x.ids))
	x.ids = append(x.ids, c.ID)
	x.recOf = append(x.recOf, uint32(len(x.recStarts)))
	x.recStarts = append(x.recStarts, uint32(len(x.hay)))
	x.recSlot = append(x.recSlot, int32(s))
	x.hay = appendFolded(x.hay, c.Name)
	x.hay = append(x.hay, 0x1f)
	x.hay = appendFolded(x.hay, c.Email)
	x.hay = append(x.hay, 0x1e)
	x.hay = append(x.hay, c.Phone...)
	x.hay = append(x.hay, '\n')
	x.phones = append(x.phones, phoneKeyBytes(c.Phone))
	src := uint32(sourceManual)
	if len(c.Source) > 0 && string(c.Source) != "manual" { // the comparison does not allocate
		src = sourceCode(string(c.Source))
	}
	x.sources = append(x.sources, src)
	x.ngroups = append(x.ngroups, 0)
	x.created = append(x.created, c.CreatedAt)
	if len(c.Email) > 0 {
		x.email.set(s)
	}
	if c.OptOut {
		x.optOut.set(s)
	}
	x.live++
}

// appendFolded appends the search form of b; ASCII, nearly every name, needs no
// allocation.
func appendFolded(dst, b []byte) []byte {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return appendClean(dst, foldSearch(string(b)))
		}
	}
	for _, c := range b {
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == 0x1e || c == 0x1f || c == '\n':
			c = ' '
		}
		dst = append(dst, c)
	}
	return dst
}

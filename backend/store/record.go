package store

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Field is a custom field kept from an import or typed by the user, in the order given.
type Field struct {
	Key   string
	Value string
}

// Contact is the stored form of a contact. Its group memberships are kept at the end of
// its record (format 3) but are not part of this struct: they change only through the
// membership methods of Txn (AddMember, RemoveMember, InsertContactInGroups), and writing
// a contact keeps the groups it has.
type Contact struct {
	ID           uint64
	Name         string
	OriginalName string // the name the contact was created with
	Phone        string // canonical digits, unique
	Email        string
	Source       string // how it arrived: "manual", later "import:<id>", "autoreply"
	Fields       []Field
	CreatedAt    int64 // Unix milliseconds
	UpdatedAt    int64 // Unix milliseconds

	// NameSource says where the current name came from (NameTyped, NameImport,
	// NamePushName, NameNumber, NameDetected): automatic names may be replaced by a name
	// the customer states, a typed one only by the user.
	NameSource string
	// NameLocked keeps every automatic change away from the name.
	NameLocked bool
	// SuggestedName is a name the customer stated that was not applied because the name
	// was typed or locked; the user can accept it.
	SuggestedName string
	// OptOut marks a contact who asked not to be contacted; no audience includes it.
	OptOut bool
}

// Where a contact's name came from.
const (
	NameTyped    = "typed"
	NameImport   = "import"
	NamePushName = "pushname"
	NameNumber   = "number"
	NameDetected = "detected"
)

// Group is the stored form of a group.
type Group struct {
	ID          uint64
	Name        string
	Description string
	CreatedAt   int64 // Unix milliseconds
	UpdatedAt   int64 // Unix milliseconds
}

// Records are encoded by hand rather than as JSON: the whole contact table is decoded at
// start-up to build the search index, and a length-prefixed binary form decodes several
// times faster and is about half the size (see the performance notes). The first byte is a
// format version so that a later format can still read old records.
//
// Format 2 added the name's source, the lock and opt-out flags and the suggested name
// after the fields; format 1 records are still read, with defaults for those. Format 3
// added the contact's groups at the end (a count, then the group IDs in ascending order,
// as uvarints); format 1 and 2 records are in no group by themselves (schema 1 kept
// memberships in m/ and r/ keys, which Open moves into the records, keys.go).
const (
	contactFormat1 = 1
	contactFormat2 = 2
	contactFormat3 = 3
	groupFormat1   = 1
)

// Flag bits of a format 2 contact.
const (
	flagNameLocked = 1 << iota
	flagOptOut
)

var errCorrupt = errors.New("corrupt record")

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// encodeContact encodes a contact in no group.
func encodeContact(c *Contact) []byte { return encodeContactIn(c, nil) }

// encodeContactIn encodes a contact and its groups, which must be ascending.
func encodeContactIn(c *Contact, groups []uint64) []byte {
	n := 24 + len(c.Name) + len(c.OriginalName) + len(c.Phone) + len(c.Email) + len(c.Source)
	for _, f := range c.Fields {
		n += 4 + len(f.Key) + len(f.Value)
	}
	n += 8 + len(c.NameSource) + len(c.SuggestedName) + 1 + 3*len(groups)
	b := make([]byte, 0, n)
	b = append(b, contactFormat3)
	b = appendString(b, c.Name)
	b = appendString(b, c.OriginalName)
	b = appendString(b, c.Phone)
	b = appendString(b, c.Email)
	b = appendString(b, c.Source)
	b = binary.AppendVarint(b, c.CreatedAt)
	b = binary.AppendVarint(b, c.UpdatedAt)
	b = binary.AppendUvarint(b, uint64(len(c.Fields)))
	for _, f := range c.Fields {
		b = appendString(b, f.Key)
		b = appendString(b, f.Value)
	}
	b = appendString(b, c.NameSource)
	var flags uint64
	if c.NameLocked {
		flags |= flagNameLocked
	}
	if c.OptOut {
		flags |= flagOptOut
	}
	b = binary.AppendUvarint(b, flags)
	b = appendString(b, c.SuggestedName)
	b = binary.AppendUvarint(b, uint64(len(groups)))
	for _, g := range groups {
		b = binary.AppendUvarint(b, g)
	}
	return b
}

func encodeGroup(g *Group) []byte {
	b := make([]byte, 0, 24+len(g.Name)+len(g.Description))
	b = append(b, groupFormat1)
	b = appendString(b, g.Name)
	b = appendString(b, g.Description)
	b = binary.AppendVarint(b, g.CreatedAt)
	b = binary.AppendVarint(b, g.UpdatedAt)
	return b
}

// decoder reads a record and remembers the first error, so decoding code stays linear.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.b)) {
		d.err = errCorrupt
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func decodeContact(id uint64, b []byte) (Contact, error) {
	c, _, err := decodeContactIn(id, b, nil)
	return c, err
}

// decodeContactIn decodes a contact and appends its groups to groups.
func decodeContactIn(id uint64, b []byte, groups []uint64) (Contact, []uint64, error) {
	if len(b) == 0 || b[0] < contactFormat1 || b[0] > contactFormat3 {
		return Contact{}, groups, fmt.Errorf("contact %d: %w", id, errCorrupt)
	}
	d := decoder{b: b[1:]}
	c := Contact{ID: id}
	c.Name = d.string()
	c.OriginalName = d.string()
	c.Phone = d.string()
	c.Email = d.string()
	c.Source = d.string()
	c.CreatedAt = d.varint()
	c.UpdatedAt = d.varint()
	n := d.uvarint()
	if n > uint64(len(d.b)) { // each field takes at least two bytes
		return Contact{}, groups, fmt.Errorf("contact %d: %w", id, errCorrupt)
	}
	if n > 0 {
		c.Fields = make([]Field, n)
		for i := range c.Fields {
			c.Fields[i] = Field{Key: d.string(), Value: d.string()}
		}
	}
	if b[0] >= contactFormat2 {
		c.NameSource = d.string()
		flags := d.uvarint()
		c.NameLocked, c.OptOut = flags&flagNameLocked != 0, flags&flagOptOut != 0
		c.SuggestedName = d.string()
	} else if c.Source == "manual" {
		c.NameSource = NameTyped
	} else {
		c.NameSource = NameImport
	}
	if b[0] >= contactFormat3 {
		groups = d.groups(groups)
	}
	if d.err != nil {
		return Contact{}, groups, fmt.Errorf("contact %d: %w", id, d.err)
	}
	return c, groups, nil
}

// groups reads a format 3 record's group list, appending to dst.
func (d *decoder) groups(dst []uint64) []uint64 {
	n := d.uvarint()
	if n > uint64(len(d.b)) { // each ID takes at least a byte
		d.err = errCorrupt
		return dst
	}
	for range n {
		dst = append(dst, d.uvarint())
	}
	return dst
}

// recordGroups returns the groups of an encoded contact, appended to dst.
func recordGroups(id uint64, b []byte, dst []uint64) ([]uint64, error) {
	if len(b) > 0 && b[0] < contactFormat3 {
		return dst, nil // older formats hold no groups
	}
	_, dst, err := decodeContactIn(id, b, dst)
	return dst, err
}

func decodeGroup(id uint64, b []byte) (Group, error) {
	if len(b) == 0 || b[0] != groupFormat1 {
		return Group{}, fmt.Errorf("group %d: %w", id, errCorrupt)
	}
	d := decoder{b: b[1:]}
	g := Group{ID: id}
	g.Name = d.string()
	g.Description = d.string()
	g.CreatedAt = d.varint()
	g.UpdatedAt = d.varint()
	if d.err != nil {
		return Group{}, fmt.Errorf("group %d: %w", id, d.err)
	}
	return g, nil
}

// ContactSummary is what the search index needs of a contact. Its byte slices point into
// the database's memory and are valid only during the callback that receives them.
type ContactSummary struct {
	ID        uint64
	Name      []byte
	Phone     []byte
	Email     []byte
	Source    []byte
	CreatedAt int64
	OptOut    bool     // asked not to be contacted (format 2 flags)
	Groups    []uint64 // ascending; reused from one contact to the next
}

// decodeSummary reads the summary fields of an encoded contact without allocating; it
// is what makes loading a million contacts at start-up fast.
func decodeSummary(id uint64, b []byte, out *ContactSummary) error {
	// Formats 2 and 3 only added fields at the end, so all share the summary's part.
	if len(b) == 0 || b[0] < contactFormat1 || b[0] > contactFormat3 {
		return fmt.Errorf("contact %d: %w", id, errCorrupt)
	}
	d := decoder{b: b[1:]}
	out.ID = id
	out.Name = d.bytes()
	d.bytes() // original name
	out.Phone = d.bytes()
	out.Email = d.bytes()
	out.Source = d.bytes()
	out.CreatedAt = d.varint()
	out.OptOut = false
	out.Groups = out.Groups[:0]
	if b[0] >= contactFormat2 {
		// The flags come after the fields, which are skipped without copying.
		out.OptOut = d.skipToFlags()&flagOptOut != 0
		if b[0] >= contactFormat3 {
			d.bytes() // suggested name
			out.Groups = d.groups(out.Groups)
		}
	}
	if d.err != nil {
		return fmt.Errorf("contact %d: %w", id, d.err)
	}
	return nil
}

// skipToFlags moves a decoder that has read a format 2 or 3 record up to its creation
// time past the fields and the name source, without allocating, and returns the flags.
func (d *decoder) skipToFlags() uint64 {
	d.varint() // updated at
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err = errCorrupt
		return 0
	}
	for range 2 * n {
		d.bytes() // field keys and values
	}
	d.bytes() // name source
	return d.uvarint()
}

// skipToGroups moves a decoder that has read a format 3 record up to its creation time
// to the record's group list, without allocating.
func (d *decoder) skipToGroups() {
	d.skipToFlags()
	d.bytes() // suggested name
}

// groupsAt returns where a format 3 record's group list starts and the list, appended
// to dst, without decoding the rest of the record.
func groupsAt(id uint64, b []byte, dst []uint64) (int, []uint64, error) {
	if len(b) == 0 || b[0] != contactFormat3 {
		return 0, dst, fmt.Errorf("contact %d: %w", id, errCorrupt)
	}
	d := decoder{b: b[1:]}
	for range 5 {
		d.bytes() // name, original name, phone, email, source
	}
	d.varint() // created at
	d.skipToGroups()
	at := len(b) - len(d.b)
	dst = d.groups(dst)
	if d.err != nil {
		return 0, dst, fmt.Errorf("contact %d: %w", id, d.err)
	}
	return at, dst, nil
}

// withGroups returns a format 3 record whose group list starts at at, with the list
// replaced by groups.
func withGroups(b []byte, at int, groups []uint64) []byte {
	out := make([]byte, 0, at+1+3*len(groups))
	out = append(out, b[:at]...)
	out = binary.AppendUvarint(out, uint64(len(groups)))
	for _, g := range groups {
		out = binary.AppendUvarint(out, g)
	}
	return out
}

func (d *decoder) bytes() []byte {
	n := d.uvarint()
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.err = errCorrupt
		return nil
	}
	s := d.b[:n:n]
	d.b = d.b[n:]
	return s
}

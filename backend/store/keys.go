package store

import "encoding/binary"

// The key schema. Every key starts with a short prefix that ends in '/', so a prefix scan
// for one kind of key never runs into another kind ("c/" never matches "cg/…" because no
// prefix is a prefix of another). IDs are 8-byte big-endian integers, so keys sort in ID
// order and every ID has the same width. Values are described next to each key.
//
//	c/<contact id>              → contact record (record.go, encodeContact)
//	p/<canonical phone>         → <contact id>; the unique phone index. A phone has at
//	                              most one contact, and a contact has exactly one phone key.
//	g/<group id>                → group record (record.go, encodeGroup)
//	n/<folded group name>       → <group id>; the unique, case-insensitive group-name index.
//	m/<group id><contact id>    → schema 1 only: empty; membership, "group has member".
//	r/<contact id><group id>    → schema 1 only: empty; the same membership, "contact is
//	                              in group". Schema 2 keeps a contact's groups at the end
//	                              of its c/ record instead (record.go, format 3), so that
//	                              a contact costs two keys however many groups it is in:
//	                              an import of a million contacts in 1–3 groups each
//	                              wrote five keys a contact, now two. Open moves the
//	                              memberships of a schema 1 folder into the records
//	                              (migrateMemberships), drops the m/ and r/ keys and
//	                              then writes schema 2; a crash in between runs it again.
//	s/<setting name>            → the setting's value as UTF-8 text.
//	o/<kind>/<id>               → a JSON document of a kind (docs.go): "rule" (auto-reply
//	                              rules), "log" (the activity log, IDs in time order),
//	                              "campaign" (saved campaigns and broadcasts), "output"
//	                              (one output of a campaign: when, format, how many).
//	x/<output id><chunk>        → the contacts output <output id> reached (reached.go,
//	                              encodeReached): its time, then ascending contact IDs as
//	                              delta uvarints, at most ReachedChunk per chunk (8-byte
//	                              chunk number). The chunks are written before the output's
//	                              o/output/ document, so chunks without one are leftovers
//	                              of a crash and are ignored.
//	i/<import id>               → import record as JSON (imports.go): file, times, state,
//	                              counts. Few and small, so JSON keeps them readable.
//	u/<import id><step>         → one undo step of that import (imports.go, encodeUndo):
//	                              a contact it created, a contact's previous record it
//	                              replaced, a membership or a group it added. Written in
//	                              the same transaction as the change it undoes.
//	q/<sequence name>           → 8-byte next free ID of a sequence (contact, group, import);
//	                              while the database is open it is the end of the leased block.
//	v/schema                    → the schema version as one uvarint.
//
// A contact, its groups and its phone key are written in one transaction (one record and
// one key), and so are a group and its name key, so a crash never leaves an index entry
// without its record. Deleting a group removes its record and name key first, in one
// transaction; contacts that still list a group that no longer exists are taken out of it
// by DB.RemoveMemberships, right after the delete or, if that is interrupted, when the
// contacts service finds them at the next start, so a crash in the middle is safe.
// Group IDs are never reused, so a stale group in a record can never mean another group.
const (
	prefixContact    = "c/"
	prefixPhone      = "p/"
	prefixGroup      = "g/"
	prefixGroupName  = "n/"
	prefixMember     = "m/"
	prefixMemberOf   = "r/"
	prefixSetting    = "s/"
	prefixSequence   = "q/"
	prefixImport     = "i/"
	prefixDoc        = "o/"
	prefixUndo       = "u/"
	prefixReached    = "x/"
	keySchemaVersion = "v/schema"
)

// schemaVersion is written on first open; a later schema bumps it and migrates.
// Schema 2 moved memberships from m/ and r/ keys into the contact records.
const schemaVersion = 2

func idKey(prefix string, id uint64) []byte {
	k := make([]byte, len(prefix)+8)
	copy(k, prefix)
	binary.BigEndian.PutUint64(k[len(prefix):], id)
	return k
}

func pairKey(prefix string, a, b uint64) []byte {
	k := make([]byte, len(prefix)+16)
	copy(k, prefix)
	binary.BigEndian.PutUint64(k[len(prefix):], a)
	binary.BigEndian.PutUint64(k[len(prefix)+8:], b)
	return k
}

func stringKey(prefix, s string) []byte {
	k := make([]byte, 0, len(prefix)+len(s))
	return append(append(k, prefix...), s...)
}

func contactKey(id uint64) []byte      { return idKey(prefixContact, id) }
func groupKey(id uint64) []byte        { return idKey(prefixGroup, id) }
func phoneKey(phone string) []byte     { return stringKey(prefixPhone, phone) }
func groupNameKey(fold string) []byte  { return stringKey(prefixGroupName, fold) }
func settingKey(name string) []byte    { return stringKey(prefixSetting, name) }
func sequenceKey(name string) []byte   { return stringKey(prefixSequence, name) }
func memberKey(gid, cid uint64) []byte { return pairKey(prefixMember, gid, cid) }
func memberOfKey(cid, gid uint64) []byte {
	return pairKey(prefixMemberOf, cid, gid)
}

func importKey(id uint64) []byte     { return idKey(prefixImport, id) }
func undoKey(id, step uint64) []byte { return pairKey(prefixUndo, id, step) }
func undoPrefix(id uint64) []byte    { return idKey(prefixUndo, id) }

// idValue encodes an ID stored as an index value.
func idValue(id uint64) []byte {
	v := make([]byte, 8)
	binary.BigEndian.PutUint64(v, id)
	return v
}

// pairFromKey reads the two IDs of an m/ or r/ key.
func pairFromKey(prefix string, k []byte) (a, b uint64, ok bool) {
	if len(k) != len(prefix)+16 {
		return 0, 0, false
	}
	return binary.BigEndian.Uint64(k[len(prefix):]), binary.BigEndian.Uint64(k[len(prefix)+8:]), true
}

// idFromKey reads the ID of a c/ or g/ key.
func idFromKey(prefix string, k []byte) (uint64, bool) {
	if len(k) != len(prefix)+8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(k[len(prefix):]), true
}

package store

import (
	"encoding/binary"
	"errors"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"
)

// The contacts an output reached (keys.go: x/). An output of a large audience reaches
// hundreds of thousands of contacts, so they are kept compactly rather than as a JSON
// array: ascending contact IDs as delta uvarints, in chunks of at most ReachedChunk IDs
// so that no write comes near Badger's transaction limit.
//
// A chunk's value is
//
//	format byte (1) | varint time (Unix ms) | uvarint count | uvarint first ID | uvarint deltas…
//
// Each chunk carries the output's time so that the "last contacted" lookup is built from
// the x/ keys alone.

// ReachedChunk is the most contact IDs one x/ value holds.
const ReachedChunk = 1 << 16

const reachedFormat1 = 1

func reachedKey(outputID uint64, chunk uint64) []byte {
	return pairKey(prefixReached, outputID, chunk)
}

func encodeReached(at int64, ids []uint64) []byte {
	b := make([]byte, 0, 16+len(ids)*2)
	b = append(b, reachedFormat1)
	b = binary.AppendVarint(b, at)
	b = binary.AppendUvarint(b, uint64(len(ids)))
	prev := uint64(0)
	for _, id := range ids {
		b = binary.AppendUvarint(b, id-prev)
		prev = id
	}
	return b
}

func decodeReached(b []byte, fn func(at int64, id uint64)) error {
	if len(b) == 0 || b[0] != reachedFormat1 {
		return errCorrupt
	}
	d := decoder{b: b[1:]}
	at := d.varint()
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		return errCorrupt
	}
	id := uint64(0)
	for range n {
		id += d.uvarint()
		if d.err != nil {
			return d.err
		}
		fn(at, id)
	}
	return nil
}

// PutReached records that output outputID, made at at (Unix ms), reached the contacts
// ids, which must be ascending. It writes one transaction per chunk; the caller writes
// the output's own document after it, so a crash in between leaves chunks without a
// document, which EachReached's caller ignores.
func (db *DB) PutReached(outputID uint64, at int64, ids []uint64) error {
	for i := 1; i < len(ids); i++ {
		if ids[i] <= ids[i-1] {
			return fmt.Errorf("reached contacts of output %d: IDs not ascending", outputID)
		}
	}
	for chunk := uint64(0); int(chunk)*ReachedChunk < len(ids); chunk++ {
		part := ids[int(chunk)*ReachedChunk : min(int(chunk+1)*ReachedChunk, len(ids))]
		err := db.bdb.Update(func(txn *badger.Txn) error {
			return txn.Set(reachedKey(outputID, chunk), encodeReached(at, part))
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// EachReached calls fn with every contact every output reached: the output, its time and
// the contact, by output and then contact ID.
func (db *DB) EachReached(fn func(outputID uint64, at int64, contactID uint64)) error {
	return db.bdb.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = []byte(prefixReached)
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			out, _, ok := pairFromKey(prefixReached, it.Item().Key())
			if !ok {
				continue
			}
			err := it.Item().Value(func(v []byte) error {
				return decodeReached(v, func(at int64, id uint64) { fn(out, at, id) })
			})
			if err != nil {
				return fmt.Errorf("reached contacts of output %d: %w", out, err)
			}
		}
		return nil
	})
}

// Reached returns the contacts one output reached, ascending.
func (db *DB) Reached(outputID uint64) ([]uint64, error) {
	var ids []uint64
	err := db.bdb.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = idKey(prefixReached, outputID)
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			err := it.Item().Value(func(v []byte) error {
				return decodeReached(v, func(_ int64, id uint64) { ids = append(ids, id) })
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errCorrupt) {
		return nil, fmt.Errorf("reached contacts of output %d: %w", outputID, err)
	}
	return ids, err
}

package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// Documents are the small records that are not contacts or groups: auto-reply rules, the
// activity log, campaigns. Each kind is a folder of JSON values by ID (keys.go: o/).
// JSON keeps them easy to extend; none of them is read a million times.

func docPrefix(kind string) []byte { return []byte(prefixDoc + kind + "/") }

func docKey(kind string, id uint64) []byte { return idKey(prefixDoc+kind+"/", id) }

func checkKind(kind string) error {
	if kind == "" || strings.Contains(kind, "/") {
		return fmt.Errorf("document kind %q: must be a non-empty name without '/'", kind)
	}
	return nil
}

// PutDoc stores v as JSON under kind and id.
func (t *Txn) PutDoc(kind string, id uint64, v any) error {
	if err := checkKind(kind); err != nil {
		return err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return t.txn.Set(docKey(kind, id), b)
}

// Doc reads the document kind/id into v, or returns ErrNotFound.
func (t *Txn) Doc(kind string, id uint64, v any) error {
	if err := checkKind(kind); err != nil {
		return err
	}
	b, err := t.get(docKey(kind, id))
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// DeleteDoc removes a document; removing one that does not exist is not an error.
func (t *Txn) DeleteDoc(kind string, id uint64) error {
	if err := checkKind(kind); err != nil {
		return err
	}
	return t.txn.Delete(docKey(kind, id))
}

// Docs calls fn with each document of a kind, by ID; newest first when reverse. fn
// returns ErrStop to end early.
func (db *DB) Docs(kind string, reverse bool, fn func(id uint64, raw []byte) error) error {
	if err := checkKind(kind); err != nil {
		return err
	}
	prefix := docPrefix(kind)
	err := db.bdb.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix, o.Reverse = prefix, reverse
		it := txn.NewIterator(o)
		defer it.Close()
		start := prefix
		if reverse {
			start = docKey(kind, ^uint64(0))
		}
		for it.Seek(start); it.Valid(); it.Next() {
			id, ok := idFromKey(string(prefix), it.Item().Key())
			if !ok {
				continue
			}
			if err := it.Item().Value(func(v []byte) error { return fn(id, v) }); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, ErrStop) {
		return nil
	}
	return err
}

// ErrStop ends an iteration early without an error.
var ErrStop = errors.New("stop")

package store

import (
	"fmt"
	"testing"
)

// BenchmarkInsertContacts writes contacts the way an import does: a thousand per
// transaction, each with its phone key and one membership. It reports contacts/s.
func BenchmarkInsertContacts(b *testing.B) {
	db, err := Open(b.TempDir(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	const perTxn = 1000
	id := uint64(0)
	b.ResetTimer()
	for range b.N {
		err := db.Update(func(t *Txn) error {
			for range perTxn {
				id++
				c := Contact{ID: id, Name: "Budi Santoso", OriginalName: "Budi Santoso", Phone: fmt.Sprintf("62812%08d", id), Source: "import:1"}
				if err := t.InsertContact(c); err != nil {
					return err
				}
				if err := t.InsertMember(1+id%20, id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*perTxn)/b.Elapsed().Seconds(), "contacts/s")
}

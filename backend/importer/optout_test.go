package importer_test

import (
	"context"
	"testing"

	"kontak/backend/contacts"
	"kontak/backend/importer"
)

func TestOptOutColumnSuggested(t *testing.T) {
	for _, h := range []string{"Opt Out", "opt-out", "OPTOUT", "Berhenti", "STOP", "Unsubscribe", "Do not contact",
		"Don't contact", "Jangan Hubungi", "jangan_dihubungi"} {
		got := importer.SuggestMapping([]string{"Nama", "No HP", h}, nil).Columns
		if len(got) != 3 || got[2] != (importer.ColumnMap{Role: importer.RoleOptOut}) {
			t.Errorf("%q: got %+v, want the optOut role", h, got)
		}
	}
	// Other columns keep their roles.
	if got := importer.SuggestMapping([]string{"Status"}, nil).Columns[0]; got.Role != importer.RoleField {
		t.Errorf("Status: %+v", got)
	}
}

func TestOptOutColumnImport(t *testing.T) {
	w := newWorld(t)
	if _, err := w.svc.Contacts().Add(contacts.ContactInput{Name: "Lama", Phone: "0812-0000-0009"}); err != nil {
		t.Fatal(err)
	}
	file := w.file("a.csv", "Nama,No HP,Berhenti\n"+
		"Ani,0812-0000-0001,ya\n"+
		"Budi,0812-0000-0002,\n"+
		"Citra,0812-0000-0003,STOP\n"+
		"Dedi,0812-0000-0004,tidak\n"+
		"Eka,0812-0000-0005, X \n"+
		"Fajar,0812-0000-0006,1\n"+
		"Gita,0812-0000-0007,no\n"+
		"Hadi,0812-0000-0008,true\n"+
		"Lama,0812-0000-0009,berhenti\n")
	// Existing contacts are opted out even when the import skips them otherwise.
	rep, err := w.imp.Run(context.Background(), importer.Options{Path: file, Existing: importer.ExistingSkip}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != 8 || rep.Updated != 1 {
		t.Errorf("created %d updated %d", rep.Created, rep.Updated)
	}
	out := map[string]bool{}
	page, err := w.svc.Contacts().List(contacts.Query{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range page.Items {
		out[c.Name] = c.OptOut
	}
	want := map[string]bool{"Ani": true, "Budi": false, "Citra": true, "Dedi": false, "Eka": true, "Fajar": true,
		"Gita": false, "Hadi": true, "Lama": true}
	for name, v := range want {
		if out[name] != v {
			t.Errorf("%s: opt-out %v, want %v", name, out[name], v)
		}
	}
	// The same file again changes nothing, and undo of the first import opts Lama back in.
	rep2, err := w.imp.Run(context.Background(), importer.Options{Path: file}, nil)
	if err != nil || rep2.Unchanged != 9 {
		t.Errorf("second run: %+v %v", rep2.Counts, err)
	}
	if _, err := w.imp.Undo(rep.ImportID); err != nil {
		t.Fatal(err)
	}
	page, _ = w.svc.Contacts().List(contacts.Query{Limit: 50})
	if len(page.Items) != 1 || page.Items[0].OptOut {
		t.Errorf("after undo: %+v", page.Items)
	}
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAudienceAndCampaigns(t *testing.T) {
	dir := t.TempDir()
	must := func(args ...string) string {
		t.Helper()
		out, stderr, code := cli(t, "", append([]string{"--data", dir}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d, stderr %s", args, code, stderr)
		}
		return out
	}
	for _, g := range []string{"Pelanggan", "VIP", "Berhenti"} {
		must("groups", "add", g)
	}
	must("contacts", "add", "--name", "Siti", "--phone", "0812-1111-0003", "--group", "VIP")
	must("contacts", "add", "--name", "Budi", "--phone", "0812-1111-0002", "--group", "Pelanggan", "--group", "VIP")
	must("contacts", "add", "--name", "Ani", "--phone", "0812-1111-0001", "--group", "Pelanggan")
	must("contacts", "add", "--name", "Dedi", "--phone", "0812-1111-0004", "--group", "Pelanggan", "--group", "Berhenti")

	// Groups by name (any case) or by ID: VIP is group 2.
	out, stderr, code := cli(t, "", "--data", dir, "audience", "--group", "pelanggan", "--group", "2", "--exclude", "Berhenti", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := `{"name":"Ani","phone":"6281211110001","groups":["Pelanggan"],"via":["Pelanggan"]}
{"name":"Budi","phone":"6281211110002","groups":["Pelanggan","VIP"],"via":["Pelanggan","VIP"]}
{"name":"Siti","phone":"6281211110003","groups":["VIP"],"via":["VIP"]}
`
	if out != want {
		t.Errorf("audience --json:\n%s\nwant\n%s", out, want)
	}
	if !strings.Contains(stderr, "3 recipients; 4 in the groups, left out: 1 in an excluded group") {
		t.Errorf("counts on stderr: %q", stderr)
	}
	table := must("audience", "--group", "VIP")
	if !strings.Contains(table, "NAME") || !strings.Contains(table, "+62 812-1111-0002") || strings.Contains(table, "Ani") {
		t.Errorf("table:\n%s", table)
	}
	_, stderr, code = cli(t, "", "--data", dir, "audience", "--group", "Nope")
	if code != 3 || !strings.Contains(stderr, `no group named "Nope"`) {
		t.Errorf("unknown group: exit %d, %q", code, stderr)
	}
	if _, _, code = cli(t, "", "--data", dir, "audience"); code != 2 {
		t.Errorf("audience without --group: exit %d, want 2", code)
	}

	added := must("campaigns", "add", "--name", "Promo Lebaran", "--kind", "broadcast", "--message", "Halo {name|Kak}!",
		"--group", "Pelanggan", "--group", "VIP", "--exclude", "Berhenti")
	var item struct {
		ID   uint64 `json:"id"`
		Kind string `json:"kind"`
	}
	if err := json.Unmarshal([]byte(added), &item); err != nil || item.ID == 0 || item.Kind != "broadcast" {
		t.Fatalf("campaigns add: %q %v", added, err)
	}
	_, stderr, code = cli(t, "", "--data", dir, "campaigns", "add", "--name", "", "--group", "VIP")
	if code != 3 || !strings.Contains(stderr, "name is required") {
		t.Errorf("campaign without a name: exit %d, %q", code, stderr)
	}
	csv := filepath.Join(t.TempDir(), "promo.csv")
	out = must("campaigns", "export", "1", "--format", "csv", "-o", csv)
	if !strings.Contains(out, "wrote 3 recipients") {
		t.Errorf("export: %q", out)
	}
	b, err := os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	wantCSV := "\uFEFFphone,name,message\r\n6281211110001,Ani,Halo Ani!\r\n6281211110002,Budi,Halo Budi!\r\n6281211110003,Siti,Halo Siti!\r\n"
	if string(b) != wantCSV {
		t.Errorf("csv %q, want %q", b, wantCSV)
	}
	links := filepath.Join(t.TempDir(), "links.txt")
	must("campaigns", "export", "1", "--format", "wame", "-o", links)
	if b, _ := os.ReadFile(links); !strings.HasPrefix(string(b), "https://wa.me/6281211110001?text=Halo%20Ani%21\n") {
		t.Errorf("links %q", b)
	}
	list := must("campaigns", "list", "--json")
	if !strings.Contains(list, `"name":"Promo Lebaran"`) || !strings.Contains(list, `"lastOutput":{`) || !strings.Contains(list, `"format":"wame"`) {
		t.Errorf("campaigns list --json: %s", list)
	}
	if table := must("campaigns", "list"); !strings.Contains(table, "Pelanggan, VIP") || !strings.Contains(table, "wame, 3 recipients") {
		t.Errorf("campaigns list:\n%s", table)
	}
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"campaigns", "export", "9", "-o", csv}, 3, "campaign 9 does not exist"},
		{[]string{"campaigns", "export", "1", "--format", "pdf", "-o", csv}, 3, "unknown format"},
		{[]string{"campaigns", "export", "1"}, 2, ""},
		{[]string{"campaigns", "export", "x", "-o", csv}, 2, ""},
		{[]string{"campaigns", "frobnicate"}, 2, "unknown campaigns command"},
	} {
		_, stderr, code := cli(t, "", append([]string{"--data", dir}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", c.args, code, stderr, c.code, c.err)
		}
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"kontak/backend/store"
)

// cli runs the command as a user would and returns stdout, stderr and the exit code.
func cli(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(args, strings.NewReader(stdin), &out, &errOut)
	if err != nil && !errors.Is(err, errUsage) {
		errOut.WriteString("kontak: " + message(err) + "\n")
	}
	code := 0
	if err != nil {
		code = exitCode(err)
	}
	return out.String(), errOut.String(), code
}

func TestNormalize(t *testing.T) {
	out, stderr, code := cli(t, "0812-3456-7890\r\n+62 812 3456 7890\n6.28123E+11\n\nabc\n", "normalize")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	type result struct {
		Input, Phone, Status, Kind, Display string
		Reasons                             []string
	}
	var got []result
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %q is not JSON: %v", line, err)
		}
		if r.Reasons == nil {
			t.Errorf("line %q: reasons must be a list", line)
		}
		got = append(got, r)
	}
	want := []struct{ input, phone, status, display string }{
		{"0812-3456-7890", "6281234567890", "valid", "+62 812-3456-7890"},
		{"+62 812 3456 7890", "6281234567890", "valid", "+62 812-3456-7890"},
		{"6.28123E+11", "", "lossy", ""},
		{"", "", "empty", ""},
		{"abc", "", "invalid", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(got), len(want), out)
	}
	for i, w := range want {
		g := got[i]
		if g.Input != w.input || g.Phone != w.phone || g.Status != w.status || g.Display != w.display {
			t.Errorf("line %d: got %+v, want %+v", i+1, g, w)
		}
	}
}

func TestContactsAndGroups(t *testing.T) {
	dir := t.TempDir()
	steps := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string // a substring of stdout
		wantErr  string // a substring of stderr
	}{
		{"add group", []string{"--data", dir, "groups", "add", "Pelanggan", "--description", "Pembeli tetap"}, 0, `"name":"Pelanggan"`, ""},
		{"duplicate group in other case", []string{"--data", dir, "groups", "add", "pelanggan"}, 3, "", "already exists"},
		{"add contact", []string{"--data", dir, "contacts", "add", "--name", "Budi", "--phone", "0812-3456-7890", "--group", "Pelanggan", "--group", "VIP"}, 0, `"groups":["Pelanggan","VIP"]`, ""},
		{"duplicate phone names the owner", []string{"contacts", "add", "--data", dir, "--name", "Ani", "--phone", "+62 812 3456 7890"}, 3, "", "Budi"},
		{"invalid phone", []string{"--data", dir, "contacts", "add", "--name", "Ani", "--phone", "12"}, 3, "", "not a valid phone"},
		{"missing name", []string{"--data", dir, "contacts", "add", "--phone", "081299998888"}, 3, "", "name is required"},
		{"list contacts", []string{"--data", dir, "contacts", "list", "--json"}, 0,
			`{"id":1,"name":"Budi","originalName":"Budi","phone":"6281234567890","email":"","groups":["Pelanggan","VIP"],"fields":{}}`, ""},
		{"list groups", []string{"--data=" + dir, "groups", "list", "--json"}, 0, `"members":1`, ""},
		{"unknown command", []string{"--data", dir, "frobnicate"}, 2, "", "unknown command"},
		{"unknown flag", []string{"--data", dir, "contacts", "add", "--nama", "x"}, 2, "", "flag provided but not defined"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			out, stderr, code := cli(t, "", s.args...)
			if code != s.wantCode {
				t.Errorf("exit code: got %d, want %d (stderr %q)", code, s.wantCode, stderr)
			}
			if !strings.Contains(out, s.wantOut) {
				t.Errorf("stdout: got %q, want it to contain %q", out, s.wantOut)
			}
			if !strings.Contains(stderr, s.wantErr) {
				t.Errorf("stderr: got %q, want it to contain %q", stderr, s.wantErr)
			}
		})
	}
}

func TestLockedDataFolder(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, stderr, code := cli(t, "", "--data", dir, "contacts", "list", "--json")
	if code != 4 || !strings.Contains(stderr, "Kontak is already open") {
		t.Errorf("with the folder in use: exit %d, stderr %q; want 4 and \"Kontak is already open\"", code, stderr)
	}
}

package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"kontak/backend/contacts"
	"kontak/backend/datadir"
	"kontak/backend/phone"
	"kontak/backend/settings"
	"kontak/backend/store"
)

// stringList is a repeatable flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// parse parses flags that may stand before, between or after positional arguments, as
// in "groups add Pelanggan --description D".
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, fmt.Errorf("%v: %w", err, errUsage)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func newFlagSet(name string, stderr io.Writer, dataDir *string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(dataDir, "data", *dataDir, "data folder")
	return fs
}

// session is an open data folder with the services on it.
type session struct {
	db       *store.DB
	settings *settings.Service
	svc      *contacts.Service
}

func (s *session) rules() contacts.PhoneRules { return settings.PhoneRules(s.settings) }

func dataDirOrDefault() (string, error) { return datadir.Dir() }

func open(dir string) (*session, error) {
	if dir == "" {
		var err error
		if dir, err = datadir.Dir(); err != nil {
			return nil, err
		}
	}
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		return nil, err
	}
	set, err := settings.New(db, nil)
	if err != nil {
		db.Close()
		return nil, err
	}
	svc, err := contacts.New(db, settings.PhoneRules(set), contacts.Options{})
	if err != nil {
		db.Close()
		return nil, err
	}
	return &session{db: db, settings: set, svc: svc}, nil
}

func (s *session) close(err *error) {
	if cerr := s.db.Close(); cerr != nil && *err == nil {
		*err = fmt.Errorf("close data folder: %w", cerr)
	}
}

func runNormalize(dataDir string, stdin io.Reader, stdout io.Writer) error {
	_ = dataDir // normalising needs no data; --data is accepted for uniformity
	n, err := phone.New(settings.DefaultCountry)
	if err != nil {
		return err
	}
	in := bufio.NewScanner(stdin)
	in.Buffer(make([]byte, 64<<10), 1<<20)
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for in.Scan() {
		r := n.Normalize(strings.TrimSuffix(in.Text(), "\r"))
		if r.Reasons == nil {
			r.Reasons = []phone.Reason{}
		}
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	if err := in.Err(); err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	return out.Flush()
}

func runContacts(dataDir string, args []string, stdout, stderr io.Writer) (err error) {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "add":
		var name, phoneRaw, email string
		var groups stringList
		fs := newFlagSet("contacts add", stderr, &dataDir)
		fs.StringVar(&name, "name", "", "name (required)")
		fs.StringVar(&phoneRaw, "phone", "", "phone in any format (required)")
		fs.StringVar(&email, "email", "", "email")
		fs.Var(&groups, "group", "group name; repeat for several; created when missing")
		if rest, err := parse(fs, args[1:]); err != nil {
			return err
		} else if len(rest) > 0 {
			return fmt.Errorf("unexpected argument %q: %w", rest[0], errUsage)
		}
		s, err := open(dataDir)
		if err != nil {
			return err
		}
		defer s.close(&err)
		var gids []uint64
		for _, g := range groups {
			found, ok := s.svc.GroupByName(g)
			if !ok {
				if found, err = s.svc.Groups().Create(contacts.GroupInput{Name: g}); err != nil {
					return err
				}
			}
			gids = append(gids, found.ID)
		}
		c, err := s.svc.Contacts().Add(contacts.ContactInput{Name: name, Phone: phoneRaw, Email: email, GroupIDs: gids})
		if err != nil {
			return err
		}
		return writeContacts(s, []contacts.Contact{c}, true, stdout)
	case "list":
		var asJSON bool
		fs := newFlagSet("contacts list", stderr, &dataDir)
		fs.BoolVar(&asJSON, "json", false, "one JSON object per contact per line")
		if _, err := parse(fs, args[1:]); err != nil {
			return err
		}
		s, err := open(dataDir)
		if err != nil {
			return err
		}
		defer s.close(&err)
		var all []contacts.Contact
		for offset := 0; ; {
			page, err := s.svc.Contacts().List(contacts.Query{Offset: offset, Limit: contacts.MaxPageSize})
			if err != nil {
				return err
			}
			all = append(all, page.Items...)
			offset += len(page.Items)
			if len(page.Items) == 0 || offset >= page.Total {
				break
			}
		}
		return writeContacts(s, all, asJSON, stdout)
	}
	fmt.Fprintf(stderr, "unknown contacts command %q\n\n%s", args[0], usage)
	return errUsage
}

// contactLine is the CLI's JSON form of a contact: groups by name, fields as an object.
type contactLine struct {
	ID           uint64            `json:"id"`
	Name         string            `json:"name"`
	OriginalName string            `json:"originalName"`
	Phone        string            `json:"phone"`
	Email        string            `json:"email"`
	Groups       []string          `json:"groups"`
	Fields       map[string]string `json:"fields"`
}

func writeContacts(s *session, cs []contacts.Contact, asJSON bool, stdout io.Writer) error {
	groups, err := s.svc.Groups().List()
	if err != nil {
		return err
	}
	names := make(map[uint64]string, len(groups))
	for _, g := range groups {
		names[g.ID] = g.Name
	}
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	if !asJSON {
		fmt.Fprintln(tw, "ID\tNAME\tPHONE\tEMAIL\tGROUPS")
	}
	for _, c := range cs {
		line := contactLine{ID: c.ID, Name: c.Name, OriginalName: c.OriginalName, Phone: c.Phone,
			Email: c.Email, Groups: []string{}, Fields: map[string]string{}}
		for _, gid := range c.GroupIDs {
			line.Groups = append(line.Groups, names[gid])
		}
		for _, f := range c.Fields {
			line.Fields[f.Key] = f.Value
		}
		if asJSON {
			if err := enc.Encode(line); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", c.ID, c.Name, c.Display, c.Email, strings.Join(line.Groups, ", "))
	}
	if !asJSON {
		tw.Flush()
	}
	return out.Flush()
}

func runGroups(dataDir string, args []string, stdout, stderr io.Writer) (err error) {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "add":
		var description string
		fs := newFlagSet("groups add", stderr, &dataDir)
		fs.StringVar(&description, "description", "", "description")
		rest, err := parse(fs, args[1:])
		if err != nil {
			return err
		}
		if len(rest) != 1 {
			return fmt.Errorf("groups add takes one NAME (quote a name with spaces): %w", errUsage)
		}
		s, err := open(dataDir)
		if err != nil {
			return err
		}
		defer s.close(&err)
		g, err := s.svc.Groups().Create(contacts.GroupInput{Name: rest[0], Description: description})
		if err != nil {
			return err
		}
		return writeGroups([]contacts.Group{g}, true, stdout)
	case "list":
		var asJSON bool
		fs := newFlagSet("groups list", stderr, &dataDir)
		fs.BoolVar(&asJSON, "json", false, "one JSON object per group per line")
		if _, err := parse(fs, args[1:]); err != nil {
			return err
		}
		s, err := open(dataDir)
		if err != nil {
			return err
		}
		defer s.close(&err)
		gs, err := s.svc.Groups().List()
		if err != nil {
			return err
		}
		return writeGroups(gs, asJSON, stdout)
	}
	fmt.Fprintf(stderr, "unknown groups command %q\n\n%s", args[0], usage)
	return errUsage
}

func writeGroups(gs []contacts.Group, asJSON bool, stdout io.Writer) error {
	out := bufio.NewWriter(stdout)
	if asJSON {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		for _, g := range gs {
			if err := enc.Encode(g); err != nil {
				return err
			}
		}
		return out.Flush()
	}
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tMEMBERS\tDESCRIPTION")
	for _, g := range gs {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\n", g.ID, g.Name, g.Members, strings.ReplaceAll(g.Description, "\n", " "))
	}
	tw.Flush()
	return out.Flush()
}

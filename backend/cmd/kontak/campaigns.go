package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"kontak/backend/apperr"
	"kontak/backend/campaigns"
)

// campaignService builds the campaigns service on an open session.
func (s *session) campaigns() (*campaigns.Service, error) {
	return campaigns.New(campaigns.Config{DB: s.db, Contacts: s.svc})
}

// groupIDs resolves groups given by name (ignoring case) or by ID.
func (s *session) groupIDs(refs []string) ([]uint64, error) {
	var ids []uint64
	for _, r := range refs {
		if g, ok := s.svc.GroupByName(r); ok {
			ids = append(ids, g.ID)
			continue
		}
		if id, err := strconv.ParseUint(strings.TrimSpace(r), 10, 64); err == nil {
			if g, err := s.svc.Groups().Get(id); err == nil {
				ids = append(ids, g.ID)
				continue
			}
		}
		return nil, apperr.New(apperr.NotFound, "group.not_found", fmt.Sprintf("there is no group named %q", r))
	}
	return ids, nil
}

func (s *session) groupNames() (map[uint64]string, error) {
	gs, err := s.svc.Groups().List()
	if err != nil {
		return nil, err
	}
	names := make(map[uint64]string, len(gs))
	for _, g := range gs {
		names[g.ID] = g.Name
	}
	return names, nil
}

func namesOf(ids []uint64, names map[uint64]string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, names[id])
	}
	return out
}

// recipientLine is the CLI's JSON form of a recipient.
type recipientLine struct {
	Name   string   `json:"name"`
	Phone  string   `json:"phone"`
	Groups []string `json:"groups"`
	Via    []string `json:"via"`
}

func runAudience(dataDir string, args []string, stdout, stderr io.Writer) (err error) {
	var include, exclude stringList
	var asJSON bool
	fs := newFlagSet("audience", stderr, &dataDir)
	fs.Var(&include, "group", "a group to send to, by name or ID; repeat for several")
	fs.Var(&exclude, "exclude", "a group to leave out, by name or ID; repeat for several")
	fs.BoolVar(&asJSON, "json", false, "one JSON object per recipient per line")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return fmt.Errorf("unexpected argument %q: %w", rest[0], errUsage)
	}
	if len(include) == 0 {
		return fmt.Errorf("audience needs at least one --group: %w", errUsage)
	}
	s, err := open(dataDir)
	if err != nil {
		return err
	}
	defer s.close(&err)
	var a campaigns.Audience
	if a.Include, err = s.groupIDs(include); err != nil {
		return err
	}
	if a.Exclude, err = s.groupIDs(exclude); err != nil {
		return err
	}
	names, err := s.groupNames()
	if err != nil {
		return err
	}
	svc, err := s.campaigns()
	if err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	if !asJSON {
		fmt.Fprintln(tw, "NAME\tPHONE\tGROUPS\tVIA")
	}
	c, err := svc.EachRecipient(a, func(r campaigns.Recipient) error {
		line := recipientLine{Name: r.Name, Phone: r.Phone, Groups: namesOf(r.Groups, names), Via: namesOf(r.Via, names)}
		if asJSON {
			return enc.Encode(line)
		}
		_, err := fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Name, r.Display, strings.Join(line.Groups, ", "), strings.Join(line.Via, ", "))
		return err
	})
	if err != nil {
		return err
	}
	if !asJSON {
		tw.Flush()
	}
	if err := out.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%d recipients; %d in the groups, left out: %d in an excluded group, %d opted out, %d invalid phone\n",
		c.Recipients, c.InGroups, c.ExcludedByGroup, c.OptedOut, c.InvalidPhone)
	return nil
}

func runCampaigns(dataDir string, args []string, stdout, stderr io.Writer) (err error) {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "list":
		var asJSON bool
		var kind string
		fs := newFlagSet("campaigns list", stderr, &dataDir)
		fs.BoolVar(&asJSON, "json", false, "one JSON object per item per line")
		fs.StringVar(&kind, "kind", "", "campaign or broadcast (default both)")
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
		svc, err := s.campaigns()
		if err != nil {
			return err
		}
		items, err := svc.List(kind)
		if err != nil {
			return err
		}
		out := bufio.NewWriter(stdout)
		if asJSON {
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			for _, it := range items {
				if err := enc.Encode(it); err != nil {
					return err
				}
			}
			return out.Flush()
		}
		names, err := s.groupNames()
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tKIND\tNAME\tGROUPS\tEXCLUDED\tLAST OUTPUT")
		for _, it := range items {
			last := "—"
			if o := it.LastOutput; o != nil {
				last = fmt.Sprintf("%s, %d recipients, %s", o.Format, o.Recipients, time.UnixMilli(o.At).Format("2006-01-02 15:04"))
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", it.ID, it.Kind, it.Name, strings.Join(namesOf(it.Audience.Include, names), ", "),
				strings.Join(namesOf(it.Audience.Exclude, names), ", "), last)
		}
		tw.Flush()
		return out.Flush()
	case "add":
		var in campaigns.ItemInput
		var include, exclude stringList
		fs := newFlagSet("campaigns add", stderr, &dataDir)
		fs.StringVar(&in.Name, "name", "", "name (required)")
		fs.StringVar(&in.Kind, "kind", campaigns.KindCampaign, "campaign or broadcast")
		fs.StringVar(&in.Message, "message", "", "message with variables: {name}, {phone}, custom fields, {name|Kak}")
		fs.Var(&include, "group", "a group to send to, by name or ID; repeat for several")
		fs.Var(&exclude, "exclude", "a group to leave out, by name or ID; repeat for several")
		fs.IntVar(&in.Audience.NotContactedDays, "not-contacted-days", 0, "leave out contacts an output reached in the last N days")
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
		if in.Audience.Include, err = s.groupIDs(include); err != nil {
			return err
		}
		if in.Audience.Exclude, err = s.groupIDs(exclude); err != nil {
			return err
		}
		svc, err := s.campaigns()
		if err != nil {
			return err
		}
		it, err := svc.Save(0, in)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(it)
	case "export":
		var format, path string
		fs := newFlagSet("campaigns export", stderr, &dataDir)
		fs.StringVar(&format, "format", campaigns.FormatCSV, "csv, xlsx, numbers or wame")
		fs.StringVar(&path, "o", "", "the file to write (required)")
		rest, err := parse(fs, args[1:])
		if err != nil {
			return err
		}
		if len(rest) != 1 {
			return fmt.Errorf("campaigns export takes one ID: %w", errUsage)
		}
		id, perr := strconv.ParseUint(rest[0], 10, 64)
		if perr != nil {
			return fmt.Errorf("campaign ID %q is not a number: %w", rest[0], errUsage)
		}
		if path == "" {
			return fmt.Errorf("campaigns export needs -o FILE: %w", errUsage)
		}
		s, err := open(dataDir)
		if err != nil {
			return err
		}
		defer s.close(&err)
		svc, err := s.campaigns()
		if err != nil {
			return err
		}
		o, err := svc.Export(campaigns.ExportRequest{ItemID: id, Format: format, Path: path})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %d recipients to %s\n", o.Recipients, o.Path)
		return nil
	}
	fmt.Fprintf(stderr, "unknown campaigns command %q\n\n%s", args[0], usage)
	return errUsage
}

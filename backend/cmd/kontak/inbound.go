package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"kontak/backend/inbound"
	"kontak/backend/names"
)

func openInbound(dataDir string) (*session, *inbound.Service, error) {
	s, err := open(dataDir)
	if err != nil {
		return nil, nil, err
	}
	in, err := inbound.New(inbound.Config{DB: s.db, Contacts: s.svc, Phones: s.rules(), DetectName: names.Detect})
	if err != nil {
		s.db.Close()
		return nil, nil, err
	}
	return s, in, nil
}

// runInbound reads messages as JSON lines ({"from", "name", "message"}) and prints what
// the pipeline did with each, one JSON object per line.
func runInbound(dataDir string, args []string, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	var asJSON, dryRun bool
	fs := newFlagSet("inbound", stderr, &dataDir)
	fs.BoolVar(&asJSON, "json", false, "print one JSON object per message")
	fs.BoolVar(&dryRun, "dry-run", false, "tell what would happen, change nothing")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	s, in, err := openInbound(dataDir)
	if err != nil {
		return err
	}
	defer s.close(&err)
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var m inbound.Message
		if err := json.Unmarshal([]byte(text), &m); err != nil {
			return fmt.Errorf("line %d is not a JSON message {\"from\", \"name\", \"message\"}: %v", line, err)
		}
		if m.Source == "" {
			m.Source = "cli"
		}
		var out inbound.Outcome
		if dryRun {
			out, err = in.Preview(m)
		} else {
			out, err = in.Process(m)
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		if asJSON {
			if err := enc.Encode(out); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(stdout, "%s: %s\n", out.Display, describe(out))
	}
	return sc.Err()
}

func describe(o inbound.Outcome) string {
	parts := []string{}
	if o.Reply != "" {
		parts = append(parts, fmt.Sprintf("reply %q (rule %s)", o.Reply, o.RuleName))
	} else {
		parts = append(parts, "no reply: "+o.Why)
	}
	if len(o.SavedGroups) > 0 {
		parts = append(parts, fmt.Sprintf("saved into %d groups", len(o.SavedGroups)))
	}
	if o.StatedName != "" {
		parts = append(parts, fmt.Sprintf("name %q %s", o.StatedName, o.NameOutcome))
	}
	return strings.Join(parts, "; ")
}

// runChatImport runs a WhatsApp chat export through the pipeline.
func runChatImport(dataDir string, args []string, stdout, stderr io.Writer) (err error) {
	var asJSON, dryRun bool
	fs := newFlagSet("chat-import", stderr, &dataDir)
	fs.BoolVar(&asJSON, "json", false, "print the summary as one JSON object")
	fs.BoolVar(&dryRun, "dry-run", false, "tell who would be saved into which groups, change nothing")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("chat-import takes one FILE: %w", errUsage)
	}
	s, in, err := openInbound(dataDir)
	if err != nil {
		return err
	}
	defer s.close(&err)
	sum, err := in.ChatImport(rest[0], !dryRun)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(sum)
	}
	fmt.Fprintf(stdout, "%d messages (%s export, %d system lines skipped), %d replies, %d unresolved senders, %d names stated\n",
		sum.Messages, sum.Layout, sum.Skipped, sum.Replies, sum.Unresolved, sum.Names)
	for _, sv := range sum.Saved {
		fmt.Fprintf(stdout, "  %s %s → %d groups (new: %v)\n", sv.Display, sv.Name, len(sv.Groups), sv.New)
	}
	return nil
}

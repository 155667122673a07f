package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"kontak/backend/names"
)

// detectNameLine is one line of "kontak detect-name" output.
type detectNameLine struct {
	Message string `json:"message"`
	Name    string `json:"name"`
}

// runDetectName reads one message per line on stdin and prints one JSON object per line
// with the name the message states, "" when it states none. It needs no data folder.
// Lines may be up to 1 MiB; a trailing CR is dropped so that Windows files work.
func runDetectName(stdin io.Reader, stdout io.Writer) error {
	in := bufio.NewScanner(stdin)
	in.Buffer(make([]byte, 64<<10), 1<<20)
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for in.Scan() {
		msg := strings.TrimSuffix(in.Text(), "\r")
		if err := enc.Encode(detectNameLine{Message: msg, Name: names.Detect(msg)}); err != nil {
			return err
		}
	}
	if err := in.Err(); err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	return out.Flush()
}

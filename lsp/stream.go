package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"sync"

	segjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
)

// maxFrame bounds one message. A didOpen of a 20 MB file is ~21 MB of JSON;
// anything past this is read and dropped rather than allocated.
const maxFrame = 256 << 20

// stream frames LSP messages (Content-Length headers) like jsonrpc2.NewStream,
// but one unusable frame does not end the connection: jsonrpc2 v0.10.0's
// conn gives up on the first Read error, and clients do send garbage
// (invalid JSON, `[]`, messages with neither method nor id). A frame that is
// valid JSON with an id is answered with ParseError; anything else is
// logged and dropped. Only I/O errors end the stream.
type stream struct {
	in     *bufio.Reader
	out    io.Writer
	closer io.Closer
	log    *slog.Logger
	mu     sync.Mutex // the conn and our error replies share the output
}

func newStream(rwc io.ReadWriteCloser, log *slog.Logger) *stream {
	return &stream{in: bufio.NewReaderSize(rwc, 64<<10), out: rwc, closer: rwc, log: log}
}

func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		data, n, err := s.frame()
		if err != nil {
			return nil, n, err
		}
		if data == nil {
			continue
		}
		msg, err := jsonrpc2.DecodeMessage(data)
		if err == nil {
			return msg, n, nil
		}
		s.reject(ctx, data, err)
	}
}

// frame reads one header block and its body. It returns a nil body for a
// frame it had to skip. A header line that is not `Name: value` drops the
// header read so far, and a Content-Length found anywhere in a line is taken,
// so the reader finds the next frame after a short or glued body.
func (s *stream) frame() ([]byte, int64, error) {
	var total int64
	length := -1
	for {
		line, err := s.in.ReadString('\n')
		total += int64(len(line))
		if err != nil {
			return nil, total, err
		}
		line = strings.TrimSpace(line)
		if line == "" {
			if length >= 0 {
				break
			}
			continue // stray blank line between frames
		}
		if i := strings.LastIndex(strings.ToLower(line), "content-length:"); i >= 0 {
			v := strings.TrimSpace(line[i+len("content-length:"):])
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 {
				s.log.Warn("dropping a frame with a bad Content-Length", "header", line)
				length = -1
				continue
			}
			length = int(n)
			continue
		}
		if !strings.Contains(line, ":") {
			s.log.Warn("skipping a line that is not an LSP header", "line", clip(line))
			length = -1
		}
	}
	if length > maxFrame {
		s.log.Warn("dropping an oversized message", "bytes", length)
		n, err := io.CopyN(io.Discard, s.in, int64(length))
		return nil, total + n, err
	}
	data := make([]byte, length)
	n, err := io.ReadFull(s.in, data)
	return data, total + int64(n), err
}

// reject answers a frame jsonrpc2 could not decode: ParseError when it is
// JSON with a usable top-level id, so the client's request does not hang;
// otherwise there is nobody to answer and the frame is dropped.
func (s *stream) reject(ctx context.Context, data []byte, cause error) {
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(data, &probe) != nil || len(probe.ID) == 0 || string(probe.ID) == "null" {
		s.log.Warn("dropping a malformed message", "err", cause, "message", clip(string(data)))
		return
	}
	var id jsonrpc2.ID
	if err := segjson.Unmarshal(probe.ID, &id); err != nil {
		s.log.Warn("dropping a message with an unusable id", "id", clip(string(probe.ID)))
		return
	}
	s.log.Warn("answering a malformed message with ParseError", "id", fmt.Sprintf("%v", id), "err", cause)
	resp, _ := jsonrpc2.NewResponse(id, nil, jsonrpc2.NewError(jsonrpc2.ParseError, "asyncsense: malformed message: "+cause.Error()))
	if _, err := s.Write(ctx, resp); err != nil {
		s.log.Warn("could not answer a malformed message", "err", err)
	}
}

func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	data, err := marshalMessage(msg)
	if err != nil {
		return 0, fmt.Errorf("marshaling message: %w", err)
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "Content-Length: %d\r\n\r\n", len(data))
	buf.Write(data)
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := s.out.Write(buf.Bytes())
	return int64(n), err
}

func (s *stream) Close() error { return s.closer.Close() }

// marshalMessage encodes msg as jsonrpc2 would. A notification's params
// are already JSON, encoded by jsonrpc2 itself; marshalling the message
// would validate and re-escape them twice more (Notification.MarshalJSON
// and the Marshaler check around it), which for the diagnostics published
// at every keystroke costs more than encoding them did. Its envelope is
// written directly instead, with the same bytes as a result.
func marshalMessage(msg jsonrpc2.Message) ([]byte, error) {
	n, ok := msg.(*jsonrpc2.Notification)
	if !ok || len(n.Params()) == 0 {
		return segjson.Marshal(msg)
	}
	method, err := segjson.Marshal(n.Method())
	if err != nil {
		return nil, err
	}
	data := make([]byte, 0, len(n.Params())+len(method)+40)
	data = append(data, `{"jsonrpc":"2.0","method":`...)
	data = append(data, method...)
	data = append(data, `,"params":`...)
	data = append(data, n.Params()...)
	return append(data, '}'), nil
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

package extract

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// MDX (Markdown with JSX, as Next.js and Docusaurus sites keep their terms)
// opens with ES module statements: imports of components and an exported
// metadata object. They are page code, not agreement text. Its JSX tags
// (<Callout>, <Note>) are dropped with the other tags (see cleanMarkdown).

var (
	// mdxImportRe: "import { Callout } from '@/components/callout'",
	// "import './styles.css';".
	mdxImportRe = lazyre.New(`^import\s+(?:[\w*${}\s,]+\s+from\s+)?['"][^'"\n]+['"];?[ \t]*$`)
	// mdxExportRe: "export const meta = {", "export default function Page".
	mdxExportRe = lazyre.New(`^export\s+(?:const|let|var|default|function|async\s+function)\b`)
)

// dropMDXModule blanks MDX's import and export statements: an import on
// its line, an export up to where its braces and parentheses close. Lines
// are kept (blank) so that line counts stay.
func dropMDXModule(s string) string {
	if !strings.Contains(s, "import ") && !strings.Contains(s, "export ") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case mdxImportRe.MatchString(l):
			lines[i] = ""
		case mdxExportRe.MatchString(l):
			depth := 0
			for j := i; j < len(lines); j++ {
				depth += strings.Count(lines[j], "{") + strings.Count(lines[j], "(") -
					strings.Count(lines[j], "}") - strings.Count(lines[j], ")")
				lines[j] = ""
				if depth <= 0 {
					i = j
					break
				}
				if j == len(lines)-1 {
					i = j
				}
			}
		}
	}
	return strings.Join(lines, "\n")
}

// Runs @doyensec/electronegativity with its report writer replaced. Its own CSV writer starts two
// asynchronous writes to the same file (the header with flag 'w', the findings with flag 'a'), so under load
// the header can land after the findings and truncate them: a security gate reading that file could see fewer
// findings than there are. This writes the findings once, synchronously, as JSON, to the -o path (which
// electronegativity requires to end in .csv or .sarif; the content is JSON all the same).
import { writeFileSync } from 'node:fs';
// The CommonJS module object itself: its runner looks writeIssues up on it at call time.
import util from '@doyensec/electronegativity/dist/util/index.js';

util.writeIssues = (_root, _isRelative, filename, issues) => {
  const rows = issues.map((i) => ({
    issue: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    filename: i.file,
    location: `${i.location.line}:${i.location.column}`,
    sample: i.sample ?? '',
    description: i.description,
    url: `https://github.com/doyensec/electronegativity/wiki/${i.id}`,
  }));
  writeFileSync(filename, JSON.stringify(rows, null, 1));
};

await import('@doyensec/electronegativity/dist/index.js');

import { CourseCatalogueDocument, SearchContentDocument } from '@fitness/client';
import { type ReactNode, useEffect, useState } from 'react';
import { Empty, Query, useQuery } from '../ui';

const LANGUAGES: Record<string, string> = { ENGLISH: 'English', RUSSIAN: 'Русский' };

/** Search as you type (English and Russian, stemmed by the server) and the course catalogue. */
export function ContentView() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  // Waits for a pause in typing before asking the server.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="grid">
      <section className="card wide" aria-labelledby="search-title">
        <h1 id="search-title">Content</h1>
        <label className="search">
          Search articles, videos and more (English or Russian)
          <input
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="squat, присед, breathing…"
            maxLength={200}
          />
        </label>
        <SearchResults query={query} />
      </section>
      <Courses />
    </div>
  );
}

function SearchResults({ query }: { query: string }) {
  const results = useQuery(SearchContentDocument, { query: query || null, first: 20 });
  return (
    <Query result={results}>
      {(data) => {
        const nodes = data.searchContent.nodes;
        if (nodes.length === 0)
          return <Empty>{query ? `Nothing found for “${query}”.` : 'No content yet.'}</Empty>;
        return (
          <ul className="results" data-testid="search-results">
            {nodes.map(({ item, snippet }) => (
              <li key={item.id}>
                <div className="title-row">
                  <strong>{item.title}</strong>
                  <span className="badge">{item.type.toLowerCase()}</span>
                  {item.language && (
                    <span className="badge">{LANGUAGES[item.language] ?? item.language}</span>
                  )}
                </div>
                {snippet && <p className="snippet">{highlight(snippet)}</p>}
                {item.courses && item.courses.length > 0 && (
                  <p className="muted">
                    In{' '}
                    {item.courses.map((course, i) => (
                      <span key={course.id}>
                        {i > 0 && ', '}
                        <a href={`#/courses/${encodeURIComponent(course.id)}`}>{course.name}</a>
                      </span>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        );
      }}
    </Query>
  );
}

/**
 * The snippet is HTML-escaped text with the matches in <mark></mark>: split on the marks and
 * unescape the rest, so no HTML from the server is ever injected into the page.
 */
export function highlight(snippet: string): ReactNode[] {
  const unescapeHtml = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#0?39;/g, "'")
      .replace(/&amp;/g, '&');
  // Each part is keyed by where it starts in the snippet.
  let offset = 0;
  return snippet.split(/(<mark>.*?<\/mark>)/g).map((part) => {
    const at = `p${offset}`;
    offset += part.length;
    const marked = /^<mark>(.*)<\/mark>$/.exec(part);
    return marked ? (
      <mark key={at}>{unescapeHtml(marked[1]!)}</mark>
    ) : (
      <span key={at}>{unescapeHtml(part)}</span>
    );
  });
}

function Courses() {
  const courses = useQuery(CourseCatalogueDocument, { first: 20 });
  return (
    <section className="card wide" aria-labelledby="courses-title">
      <h2 id="courses-title">Courses</h2>
      <Query result={courses}>
        {(data) =>
          data.courses.nodes.length === 0 ? (
            <Empty>No courses yet.</Empty>
          ) : (
            <ul className="results">
              {data.courses.nodes.map((course) => (
                <li key={course.id}>
                  <a href={`#/courses/${encodeURIComponent(course.id)}`}>{course.name}</a>{' '}
                  <span className="badge">{course.isFree ? 'free' : 'paid'}</span>
                  {course.difficulty && <span className="badge">{course.difficulty.toLowerCase()}</span>}
                  <span className="muted"> · {course.enrollmentsCount} enrolled</span>
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </section>
  );
}

import { CourseDocument, EnrollInCourseDocument } from '@fitness/client';
import { useState } from 'react';
import { client, describeError, money } from '../api';
import { Empty, Query, useQuery } from '../ui';

/** A course: its lessons (paid ones locked without the entitlement) and enrolment. */
export function CourseView({ id, signedIn }: { id: string; signedIn: boolean }) {
  const course = useQuery(CourseDocument, { id });
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function enroll() {
    setBusy(true);
    setMessage(null);
    try {
      const { enrollInCourse: result } = await client.data(EnrollInCourseDocument, { courseId: id });
      if (result.__typename === 'Enrollment') {
        setMessage('You are enrolled.');
        await course.reload();
      } else if (result.__typename === 'PurchaseRequired') {
        setMessage('This course is part of a paid plan: subscribe to enrol.');
      } else {
        setMessage('The enrolment did not go through.');
      }
    } catch (caught) {
      setMessage(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Query result={course}>
      {(data) => {
        const c = data.course;
        if (!c) return <Empty>This course does not exist or is not published.</Empty>;
        return (
          <section className="card wide" aria-labelledby="course-title" data-testid="course">
            <p>
              <a href="#/content">← Content</a>
            </p>
            <h1 id="course-title">{c.name}</h1>
            {c.description && <p>{c.description}</p>}
            <p className="row">
              <span className="badge">{c.isFree ? 'free' : money(c.priceCents ?? 0)}</span>
              {c.isEnrolled ? (
                <span className="badge ok">Enrolled</span>
              ) : signedIn ? (
                <button type="button" onClick={() => void enroll()} disabled={busy}>
                  {busy ? 'Enrolling…' : 'Enrol'}
                </button>
              ) : (
                <a href="#/sign-in">Sign in to enrol</a>
              )}
            </p>
            {message && (
              <p className="notice" role="status">
                {message} {message.includes('paid plan') && <a href="#/plans">See plans</a>}
              </p>
            )}
            {c.lessons.length === 0 ? (
              <Empty>No lessons yet.</Empty>
            ) : (
              <ol className="lessons">
                {c.lessons.map((lesson) => (
                  <li key={lesson.id} className={lesson.locked ? 'locked' : ''}>
                    <strong>{lesson.title}</strong>
                    {lesson.durationMinutes != null && (
                      <span className="muted"> · {lesson.durationMinutes} min</span>
                    )}
                    {lesson.locked ? (
                      <p className="muted">🔒 Locked: subscribe to a plan that includes this course.</p>
                    ) : (
                      <ul>
                        {(lesson.contentItems ?? []).map((item) => (
                          <li key={item.id}>
                            {item.contentUrl ? (
                              <a href={item.contentUrl} target="_blank" rel="noreferrer">
                                {item.title}
                              </a>
                            ) : (
                              item.title
                            )}{' '}
                            <span className="badge">{item.type.toLowerCase()}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      }}
    </Query>
  );
}

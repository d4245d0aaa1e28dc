package com.parla.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** Work due at a time (a check-in after delivery): one per kind and subject, done once. */
@Entity
@Table(name = "scheduled_job")
@NamedQuery(name = ScheduledJob.DUE, query = "select j.id from ScheduledJob j where j.doneAt is null"
        + " and j.dueAt <= :asOf and j.attempts < :maxAttempts order by j.dueAt")
@NamedQuery(name = ScheduledJob.OF_SUBJECT, query = "select j from ScheduledJob j where j.kind = :kind"
        + " and j.subjectId = :subject")
public class ScheduledJob {

    public static final String DUE = "ScheduledJob.due";
    public static final String OF_SUBJECT = "ScheduledJob.ofSubject";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 32)
    private String kind;

    @Column(name = "subject_id", nullable = false)
    private long subjectId;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ScheduledJob() {
    }

    public ScheduledJob(String kind, long subjectId, Instant dueAt, Instant now) {
        this.kind = kind;
        this.subjectId = subjectId;
        this.dueAt = dueAt;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public long getSubjectId() {
        return subjectId;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public int getAttempts() {
        return attempts;
    }
}

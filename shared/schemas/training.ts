/**
 * The trainer's data files in resources/training/: the sandbox dataset (a dated script of the
 * app's own mutations), the ten typical cases of 2023 and the self-check exercises. Checked on
 * load, so a bad edit gives a clear message rather than a half-loaded sandbox.
 */
import { z } from 'zod';
import { STAGES } from '../domain/case-stages';
import { FEE_TYPES } from '../domain/case-statuses';
import { IP_KINDS, LEGAL_STATUSES } from '../domain/ip';
import { DISTRICTS } from '../domain/districts';
import { isoDate } from './common';

/** One write of the dataset, made as `by` on the day `on` through the named shared mutation. */
export const datasetStep = z
  .object({
    on: isoDate,
    name: z.string().min(1),
    by: z.string().min(1).optional(),
    args: z.record(z.string(), z.unknown()),
  })
  .strict();

/** What the sandbox shows of a case: which typical case it was built on and where it stands. */
export const datasetCase = z
  .object({
    id: z.string().min(1),
    enterpriseId: z.string().min(1),
    typicalCase: z.number().int().min(1).max(10),
    title: z.string().min(1),
    /** Where the script leaves the case (checked against the loaded sandbox). */
    stage: z.enum(STAGES),
    teaches: z.string().min(1),
  })
  .strict();

export const trainingDataset = z
  .object({
    version: z.string().min(1),
    title: z.string().min(1),
    /**
     * The day the script was written for. Loaded later, every date moves on by as many days, so
     * a running loan is still running and nothing is overdue that was not.
     */
    asOf: isoDate,
    /** The steward the script writes as, unless a step names another. */
    actor: z.string().min(1),
    /** The case the guided walkthrough follows. */
    tourCaseId: z.string().min(1),
    cases: z.array(datasetCase).min(1),
    steps: z.array(datasetStep).min(1),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (!d.cases.some((c) => c.id === d.tourCaseId))
      ctx.addIssue({ code: 'custom', path: ['tourCaseId'], message: '引导案例不在案例列表中' });
    d.steps.forEach((s, i) => {
      if (i > 0 && s.on < d.steps[i - 1]!.on) ctx.addIssue({ code: 'custom', path: ['steps', i, 'on'], message: '步骤应按日期先后排列' });
    });
  });
export type TrainingDataset = z.output<typeof trainingDataset>;
export type DatasetCase = z.output<typeof datasetCase>;

export const typicalCase = z
  .object({
    no: z.number().int().min(1).max(10),
    title: z.string().min(1),
    /** Who ran it: a district, a bank, the guarantor, the association. */
    actor: z.string().min(1),
    kind: z.enum(['district', 'bank', 'guarantor', 'association']),
    summary: z.string().min(1),
    figures: z.array(z.object({ label: z.string().min(1), value: z.string().min(1) }).strict()),
    teaches: z.array(z.string().min(1)).min(1),
    /** The sandbox case built on it. */
    sandboxCaseId: z.string().min(1),
  })
  .strict();
export const typicalCases = z
  .object({ source: z.string().min(1), cases: z.array(typicalCase).length(10) })
  .strict()
  .superRefine((l, ctx) => {
    const nos = l.cases.map((c) => c.no).sort((a, b) => a - b);
    if (nos.some((n, i) => n !== i + 1)) ctx.addIssue({ code: 'custom', path: ['cases'], message: '案例编号应为 1 至 10 各一' });
  });
export type TypicalCase = z.output<typeof typicalCase>;

/** An IP item of an exercise, as its record would show it. */
export const exerciseItem = z
  .object({
    key: z.string().min(1),
    kind: z.enum(IP_KINDS),
    number: z.string().min(1),
    title: z.string().min(1),
    legalStatus: z.enum(LEGAL_STATUSES),
    filingDate: isoDate.nullable().default(null),
    grantDate: isoDate.nullable().default(null),
    registrationDate: isoDate.nullable().default(null),
    validUntil: isoDate.nullable().default(null),
    publishedOn: isoDate.nullable().default(null),
    feePaidThrough: isoDate.nullable().default(null),
    owners: z.array(z.string().min(1)).min(1),
    pledged: z.boolean().default(false),
    suspended: z.boolean().default(false),
    underInvalidation: z.boolean().default(false),
    sameDayInvention: z.boolean().default(false),
  })
  .strict();
export type ExerciseItem = z.output<typeof exerciseItem>;

const pledgeExercise = z
  .object({
    id: z.string().min(1),
    type: z.literal('pledgeable'),
    title: z.string().min(1),
    prompt: z.string().min(1),
    enterpriseName: z.string().min(1),
    /** The day the exercise is set on: the rules are applied as of it, so its answer never drifts. */
    asOf: isoDate,
    items: z.array(exerciseItem).min(2),
  })
  .strict();

const subsidyExercise = z
  .object({
    id: z.string().min(1),
    type: z.literal('subsidy'),
    title: z.string().min(1),
    prompt: z.string().min(1),
    policyId: z.string().min(1),
    district: z.enum(DISTRICTS),
    principalFen: z.number().int().positive(),
    startDate: isoDate,
    endDate: isoDate,
    repaid: z.boolean(),
    interestPaidFen: z.number().int().min(0),
    fees: z.array(z.object({ type: z.enum(FEE_TYPES), amountFen: z.number().int().min(0) }).strict()).default([]),
    ipKinds: z.array(z.enum(IP_KINDS)).min(1),
    alreadyGrantedThisYearFen: z.number().int().min(0).default(0),
  })
  .strict();

export const exercise = z.discriminatedUnion('type', [pledgeExercise, subsidyExercise]);
export const exerciseSet = z.object({ exercises: z.array(exercise).min(1) }).strict();
export type Exercise = z.output<typeof exercise>;
export type PledgeExercise = z.output<typeof pledgeExercise>;
export type SubsidyExercise = z.output<typeof subsidyExercise>;

/** A trainee's answer: the items judged pledgeable, or the subsidy in fen (null: "not eligible"). */
export const exerciseAnswer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pledgeable'), exerciseId: z.string().min(1), pledgeable: z.array(z.string()).max(50) }).strict(),
  z.object({ type: z.literal('subsidy'), exerciseId: z.string().min(1), amountFen: z.number().int().min(0).max(1e12).nullable() }).strict(),
]);
export type ExerciseAnswer = z.output<typeof exerciseAnswer>;

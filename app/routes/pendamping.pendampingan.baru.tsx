import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { Field, FormErrors } from "~/components/ui/field";
import { CoachingError, createCoachingSession, newCoachingSchema, type NewCoachingForm } from "~/models/coaching.server";
import { timeZoneForProvince } from "~/models/region.server";
import { requireFacilitator } from "~/utils/auth.server";
import { localDateOf } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  // Every household they coach (a graduated family may still join a session), active ones first.
  const households = await prisma.household.findMany({
    where: { facilitatorId: user.id },
    select: { id: true, headName: true, programRef: true, status: true, regencyCode: true, regency: { select: { name: true } } },
    orderBy: [{ status: "asc" }, { headName: "asc" }, { id: "asc" }],
  });
  const now = new Date();
  // Today where their households live is the usual date; the latest date allowed is today anywhere in Indonesia.
  const zone = households[0] ? timeZoneForProvince(households[0].regencyCode) : "Asia/Jakarta";
  return { households, today: localDateOf(now, zone), latest: localDateOf(now, "Asia/Jayapura") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireFacilitator(request);
  const submission = parseWithZod(await readFormData(request), { schema: newCoachingSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    await createCoachingSession(prisma, { facilitatorId: user.id, ...submission.value });
  } catch (error) {
    if (!(error instanceof CoachingError)) throw error;
    if (error.code === "future_date") return data({ result: submission.reply({ fieldErrors: { heldOn: ["households.errorCoachingFuture"] } }) }, { status: 400 });
    // Another facilitator's household looks exactly like one that does not exist (the form offers neither).
    return data({ result: submission.reply({ formErrors: ["households.errorCoachingHousehold"] }) }, { status: 404 });
  }
  return redirect("/pendamping/pendampingan?tercatat=1");
}

export default function NewCoachingSession() {
  const { t } = useTranslation();
  const { households, today, latest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<NewCoachingForm>({ id: "new-coaching", lastResult: actionData?.result, defaultValue: { heldOn: today } });
  const checked = new Set(
    ([] as (string | undefined)[]).concat(fields.householdIds.initialValue as string[] | string | undefined).filter((v): v is string => Boolean(v)),
  );

  return (
    <section className="narrow stack">
      <p>
        <Link to="/pendamping">{t("facilitator.title")}</Link> · <Link to="/pendamping/pendampingan">{t("households.coachingTitle")}</Link>
      </p>
      <h1>{t("households.coachingNewTitle")}</h1>
      <p>{t("households.coachingNewIntro")}</p>
      {households.length === 0 ? (
        <p className="notice notice--warning">{t("households.coachingNoHouseholds")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            label={t("households.coachingDateLabel")}
            errors={fields.heldOn.errors}
            inputProps={{ ...getInputProps(fields.heldOn, { type: "date" }), required: true, max: latest }}
          />
          <Field
            label={t("households.coachingTopicLabel")}
            hint={t("households.coachingTopicHint")}
            errors={fields.topic.errors}
            inputProps={{ ...getInputProps(fields.topic, { type: "text" }), required: true, minLength: 3, maxLength: 120 }}
          />
          <div className="field">
            <label htmlFor={fields.notes.id}>{t("households.coachingNotesLabel")}</label>
            <textarea {...getTextareaProps(fields.notes)} rows={4} maxLength={2000} />
            {fields.notes.errors ? (
              <p className="field__error" id={fields.notes.errorId} role="alert">
                {fields.notes.errors.map((e) => t(e)).join(" ")}
              </p>
            ) : null}
          </div>
          <fieldset className="stack" aria-describedby={fields.householdIds.errors ? fields.householdIds.errorId : undefined}>
            <legend>{t("households.coachingAttendeesLabel")}</legend>
            {fields.householdIds.errors ? (
              <p className="field__error" id={fields.householdIds.errorId} role="alert">
                {fields.householdIds.errors.map((e) => t(e)).join(" ")}
              </p>
            ) : null}
            {households.map((h) => (
              <label key={h.id} className="choice">
                <input type="checkbox" name={fields.householdIds.name} value={h.id} defaultChecked={checked.has(h.id)} />
                <span>
                  {h.headName} <span className="muted">({h.programRef} · {h.regency.name})</span>
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button button--primary">
            {t("households.coachingSubmit")}
          </button>
        </Form>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "households.coachingNewTitle") }];

export const ErrorBoundary = RouteErrorBoundary;

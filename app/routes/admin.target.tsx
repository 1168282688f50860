import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { Field, FormErrors } from "~/components/ui/field";
import { graduationTargetSchema, listGraduationTargets, setGraduationTarget, type GraduationTargetForm } from "~/models/graduation-target.server";
import { PROGRAM_TIME_ZONE } from "~/models/program-reporting";
import { requireAdmin } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { INTL_LOCALE } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const currentYear = Number(new Intl.DateTimeFormat("en", { timeZone: PROGRAM_TIME_ZONE, year: "numeric" }).format(new Date()));
  return { targets: await listGraduationTargets(prisma), currentYear };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const submission = parseWithZod(await readFormData(request), { schema: graduationTargetSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await setGraduationTarget(prisma, { ...submission.value, actorId: admin.id });
  throw redirect(`/admin/target?disimpan=${submission.value.year}`);
}

export default function GraduationTargetsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { targets, currentYear } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<GraduationTargetForm>({ id: "graduation-target", lastResult: actionData?.result, defaultValue: { year: currentYear } });
  const count = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const saved = params.get("disimpan");

  return (
    <section className="stack">
      <p>
        <Link to="/admin">{t("admin.title")}</Link> · <Link to="/program">{t("program.title")}</Link>
      </p>
      <h1>{t("program.targetsTitle")}</h1>
      <p>{t("program.targetsIntro")}</p>
      {saved && /^\d{4}$/.test(saved) ? (
        <p className="notice" role="status">
          {t("program.targetSaved", { year: saved })}
        </p>
      ) : null}

      <section aria-labelledby="target-form-title" className="narrow">
        <h2 id="target-form-title">{t("program.setTarget")}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            label={t("program.year")}
            errors={fields.year.errors}
            inputProps={{ ...getInputProps(fields.year, { type: "number" }), required: true, min: 2007, max: 2100, inputMode: "numeric" }}
          />
          <Field
            label={t("program.targetHouseholds")}
            hint={t("program.targetHouseholdsHint")}
            errors={fields.households.errors}
            inputProps={{ ...getInputProps(fields.households, { type: "number" }), required: true, min: 1, inputMode: "numeric" }}
          />
          <Field
            label={t("program.source")}
            hint={t("program.targetSourceHint")}
            errors={fields.source.errors}
            inputProps={{ ...getInputProps(fields.source, { type: "text" }), required: true, minLength: 5, maxLength: 300 }}
          />
          <button type="submit" className="button button--primary">
            {t("program.saveTarget")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="targets-title">
        <h2 id="targets-title">{t("program.targetsList")}</h2>
        {targets.length === 0 ? (
          <p>{t("program.noTargets")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("program.year")}</th>
                  <th scope="col" className="num">
                    {t("program.targetHouseholds")}
                  </th>
                  <th scope="col">{t("program.source")}</th>
                  <th scope="col">{t("program.updatedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {targets.map((target) => (
                  <tr key={target.year}>
                    <th scope="row">{target.year}</th>
                    <td className="num">{count.format(target.households)}</td>
                    <td>{target.source}</td>
                    <td>{formatDateTime(target.updatedAt, PROGRAM_TIME_ZONE, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "program.targetsTitle") }];

export const ErrorBoundary = RouteErrorBoundary;

import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RegencySelect } from "~/components/regency-select";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { Field, FormErrors } from "~/components/ui/field";
import { facilitatorRegencies, listActiveHouseholds } from "~/models/household.server";
import { formatSharePercent, MIN_KUBE_MEMBERS } from "~/models/kube-shares";
import { createKubeGroup, KubeError, newKubeSchema, type NewKubeForm } from "~/models/kube.server";
import { requireFacilitator } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  const [households, regencies] = await Promise.all([listActiveHouseholds(prisma, user.id), facilitatorRegencies(prisma, user.id)]);
  return { households, regencies };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireFacilitator(request);
  const submission = parseWithZod(await readFormData(request), { schema: newKubeSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sumBasisPoints: null }, { status: 400 });
  try {
    const group = await createKubeGroup(prisma, { facilitatorId: user.id, ...submission.value });
    return redirect(`/pendamping/kube/${group.id}?dibentuk=1`);
  } catch (error) {
    if (!(error instanceof KubeError)) throw error;
    const refuse = (errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }, status: 400 | 404 = 400) =>
      data({ result: submission.reply(errors), sumBasisPoints: error.sumBasisPoints }, { status });
    switch (error.code) {
      case "not_hundred":
        return refuse({ formErrors: ["households.errorKubeSum"] });
      case "too_few_members":
        return refuse({ formErrors: ["households.errorKubeTooFew"] });
      case "unknown_regency":
        return refuse({ fieldErrors: { regencyCode: ["households.errorRegency"] } });
      case "duplicate_member":
        return refuse({ formErrors: ["households.errorKubeHousehold"] });
      default:
        // Another facilitator's household looks exactly like one that does not exist (the form offers neither).
        return refuse({ formErrors: ["households.errorKubeHousehold"] }, 404);
    }
  }
}

export default function NewKubePage() {
  const { t, i18n } = useTranslation();
  const { households, regencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<NewKubeForm>({
    id: "new-kube",
    lastResult: actionData?.result,
    defaultValue: { members: households.map((h) => ({ householdId: h.id })) },
  });
  const rows = fields.members.getFieldList();
  const sum = actionData?.sumBasisPoints ?? null;

  return (
    <section className="stack kube-form">
      <p>
        <Link to="/pendamping">{t("facilitator.title")}</Link>
      </p>
      <h1>{t("households.kubeNewTitle")}</h1>
      <p>{t("households.kubeNewIntro", { min: MIN_KUBE_MEMBERS })}</p>
      {households.length < MIN_KUBE_MEMBERS ? (
        <p className="notice notice--warning">{t("households.kubeNotEnough", { min: MIN_KUBE_MEMBERS })}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} values={{ sum: sum === null ? "" : formatSharePercent(sum, i18n.language) }} />
          <Field
            label={t("households.kubeNameLabel")}
            hint={t("households.kubeNameHint")}
            errors={fields.name.errors}
            inputProps={{ ...getInputProps(fields.name, { type: "text" }), required: true, minLength: 3, maxLength: 80 }}
          />
          <RegencySelect
            field={fields.regencyCode}
            label={t("households.regencyLabel")}
            regencies={regencies}
            defaultValue={fields.regencyCode.initialValue ?? (regencies.length === 1 ? regencies[0]!.code : "")}
            choose
          />
          <fieldset className="stack">
            <legend>{t("households.kubeMembersLabel")}</legend>
            <p className="field__hint">{t("households.kubeSharesHint")}</p>
            {fields.members.errors ? (
              <p className="field__error" role="alert">
                {fields.members.errors.map((e) => t(e)).join(" ")}
              </p>
            ) : null}
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("households.kubeMemberColumn")}</th>
                    <th scope="col">{t("households.kubeShareColumn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, index) => {
                    const household = households[index];
                    if (!household) return null;
                    const cells = row.getFieldset();
                    const shareErrors = cells.share.errors;
                    return (
                      <tr key={household.id}>
                        <td>
                          <input type="hidden" name={cells.householdId.name} value={household.id} />
                          <label className="choice">
                            <input type="checkbox" name={cells.selected.name} value="on" defaultChecked={cells.selected.initialValue === "on"} />
                            <span>
                              {household.headName} <span className="muted">({household.programRef} · {household.regency.name})</span>
                            </span>
                          </label>
                        </td>
                        <td>
                          <label className="visually-hidden" htmlFor={cells.share.id}>
                            {t("households.kubeShareFor", { name: household.headName })}
                          </label>
                          <span className="share-input">
                            <input
                              id={cells.share.id}
                              name={cells.share.name}
                              defaultValue={cells.share.initialValue ?? ""}
                              inputMode="decimal"
                              size={7}
                              maxLength={7}
                              aria-invalid={shareErrors ? true : undefined}
                              aria-describedby={shareErrors ? cells.share.errorId : undefined}
                            />{" "}
                            %
                          </span>
                          {shareErrors ? (
                            <p className="field__error" id={cells.share.errorId} role="alert">
                              {shareErrors.map((e) => t(e)).join(" ")}
                            </p>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </fieldset>
          <button type="submit" className="button button--primary">
            {t("households.kubeSubmit")}
          </button>
        </Form>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "households.kubeNewTitle") }];

export const ErrorBoundary = RouteErrorBoundary;

import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import { RegencySelect } from "~/components/regency-select";
import { AreaTypeFieldset } from "~/components/area-type-fieldset";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { Field, FormErrors } from "~/components/ui/field";
import { provincePickSchema, registerHouseholdSchema, type RegisterHouseholdForm } from "~/models/household-forms.server";
import { MAX_HOUSEHOLD_MEMBERS } from "~/models/household-rules";
import { HouseholdError, registerHousehold } from "~/models/household.server";
import { listChildren, listProvinces } from "~/models/region.server";
import { requireFacilitator } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  const pick = provincePickSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [provinces, usual] = await Promise.all([
    listProvinces(prisma),
    // The province of the facilitator's latest household is the likely one for the next.
    prisma.household.findFirst({ where: { facilitatorId: user.id }, select: { regencyCode: true }, orderBy: { createdAt: "desc" } }),
  ]);
  const fallback = usual?.regencyCode.slice(0, 2) ?? null;
  const pickedProvince =
    pick.provinsi && provinces.some((p) => p.code === pick.provinsi) ? pick.provinsi : fallback && provinces.some((p) => p.code === fallback) ? fallback : null;
  const regencies = pickedProvince ? await listChildren(pickedProvince, prisma) : [];
  return {
    provinces: provinces.map((p) => ({ code: p.code, name: p.name })),
    regencies: regencies.map((r) => ({ code: r.code, name: r.name })),
    pickedProvince,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireFacilitator(request);
  const submission = parseWithZod(await readFormData(request), { schema: registerHouseholdSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const household = await registerHousehold(prisma, { facilitatorId: user.id, ...submission.value });
    return redirect(`/pendamping/rumah-tangga/${household.id}?terdaftar=1`);
  } catch (error) {
    if (!(error instanceof HouseholdError)) throw error;
    const fieldErrors: Record<string, string[]> =
      error.code === "duplicate_program_ref"
        ? { programRef: ["households.errorDuplicateRef"] }
        : error.code === "nik_refused"
          ? { programRef: ["households.errorNik"] }
          : { regencyCode: ["households.errorRegency"] };
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  }
}

export default function RegisterHousehold() {
  const { t } = useTranslation();
  const { provinces, regencies, pickedProvince } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submit = useSubmit();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [form, fields] = useForm<RegisterHouseholdForm>({ id: "register-household", lastResult: actionData?.result, shouldRevalidate: "onBlur" });

  return (
    <section className="narrow stack">
      <p>
        <Link to="/pendamping">{t("facilitator.title")}</Link>
      </p>
      <h1>{t("households.registerTitle")}</h1>
      <p>{t("households.registerIntro")}</p>

      <h2>{t("households.stepProvince")}</h2>
      <Form
        method="get"
        className="stack"
        onChange={(event) => submit(event.currentTarget, { preventScrollReset: true, replace: true })}
      >
        <div className="field">
          <label htmlFor="provinsi">{t("households.province")}</label>
          <select id="provinsi" name="provinsi" defaultValue={pickedProvince ?? ""} key={pickedProvince ?? "none"} required>
            <option value="" disabled>
              {t("households.choose")}
            </option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {/* Shown until JavaScript has taken over, so a slow or failed script download never blocks the form. */}
        {hydrated ? null : (
          <button type="submit" className="button">
            {t("households.showRegencies")}
          </button>
        )}
      </Form>

      <h2>{t("households.stepHousehold")}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label={t("households.programRefLabel")}
          hint={t("households.programRefHint")}
          errors={fields.programRef.errors}
          inputProps={{ ...getInputProps(fields.programRef, { type: "text" }), required: true, maxLength: 40, autoComplete: "off" }}
        />
        <Field
          label={t("households.headNameLabel")}
          errors={fields.headName.errors}
          inputProps={{ ...getInputProps(fields.headName, { type: "text" }), required: true, maxLength: 100, autoComplete: "off" }}
        />
        <Field
          label={t("households.memberCountLabel")}
          hint={t("households.memberCountHint", { max: MAX_HOUSEHOLD_MEMBERS })}
          errors={fields.memberCount.errors}
          inputProps={{ ...getInputProps(fields.memberCount, { type: "number" }), required: true, min: 1, max: MAX_HOUSEHOLD_MEMBERS, inputMode: "numeric" }}
        />
        <RegencySelect
          field={fields.regencyCode}
          label={t("households.regencyLabel")}
          hint={pickedProvince ? undefined : t("households.pickProvinceFirst")}
          regencies={regencies}
          defaultValue={fields.regencyCode.initialValue ?? ""}
          choose
          resetKey={pickedProvince ?? "none"}
        />
        <AreaTypeFieldset id={fields.areaType.id} name={fields.areaType.name} checked={fields.areaType.initialValue} errors={fields.areaType.errors} />
        <button type="submit" className="button button--primary">
          {t("households.registerSubmit")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "households.registerTitle") }];

export const ErrorBoundary = RouteErrorBoundary;

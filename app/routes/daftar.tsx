import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { signupSchema } from "~/models/auth-forms.server";
import type { SignupForm } from "~/models/auth-forms.server";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { Field, FormErrors } from "~/components/ui/field";
import { recordAudit } from "~/models/audit.server";
import { createUser, EmailTakenError } from "~/models/user.server";
import { requireAnonymous } from "~/utils/auth.server";
import { adoptGuestCart } from "~/utils/cart-session.server";
import { safeRedirect } from "~/utils/redirect";
import { prisma } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";
import { startSession } from "~/utils/session.server";
import { readFormData } from "~/utils/form-data.server";


export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await readFormData(request), { schema: signupSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  try {
    // Anyone may sign up, but only as a shopper: other roles are given by an admin or facilitator.
    const user = await createUser(prisma, { ...submission.value, roles: ["SHOPPER"] });
    await recordAudit(prisma, { actorId: user.id, action: "user.signup", subjectType: "User", subjectId: user.id });
    const [sessionCookie, cartCookie] = await Promise.all([startSession(request, user.id), adoptGuestCart(request, user.id)]);
    const headers = new Headers({ "Set-Cookie": sessionCookie });
    if (cartCookie) headers.append("Set-Cookie", cartCookie);
    return redirect(safeRedirect(submission.value.redirectTo, "/"), { headers });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return data(
        { result: submission.reply({ fieldErrors: { email: ["errors.emailTaken"] }, hideFields: ["password"] }) },
        { status: 400 },
      );
    }
    throw error;
  }
}

export default function SignupPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<SignupForm>({ id: "signup", lastResult: actionData?.result });

  return (
    <section className="narrow">
      <h1>{t("auth.signupTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label={t("auth.name")}
          errors={fields.name.errors}
          inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "name", required: true }}
        />
        <Field
          label={t("auth.email")}
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", required: true }}
        />
        <Field
          label={t("auth.password")}
          hint={t("auth.passwordHint")}
          errors={fields.password.errors}
          inputProps={{
            ...getInputProps(fields.password, { type: "password" }),
            autoComplete: "new-password",
            required: true,
            minLength: 8,
          }}
        />
        <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
          {t("auth.signupButton")}
        </button>
      </Form>
      <p>
        {t("auth.haveAccount")} <Link to="/masuk">{t("auth.loginButton")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth.signupTitle") }];

export const ErrorBoundary = RouteErrorBoundary;

import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { loginSchema } from "~/models/auth-forms.server";
import type { LoginForm } from "~/models/auth-forms.server";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { Field, FormErrors } from "~/components/ui/field";
import { verifyLogin } from "~/models/user.server";
import { requireAnonymous } from "~/utils/auth.server";
import { adoptGuestCart } from "~/utils/cart-session.server";
import { prisma } from "~/utils/db.server";
import { clearFailedLogins, loginRetryAfterSeconds, recordFailedLogin } from "~/utils/rate-limit.server";
import { safeRedirect } from "~/utils/redirect";
import { pageTitle } from "~/utils/meta";
import { startSession } from "~/utils/session.server";
import { readFormData } from "~/utils/form-data.server";


export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), retryAfterMinutes: 0 }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;

  const waitSeconds = await loginRetryAfterSeconds(email, request);
  if (waitSeconds > 0) {
    return data(
      {
        result: submission.reply({ formErrors: ["errors.tooManyAttempts"], hideFields: ["password"] }),
        retryAfterMinutes: Math.ceil(waitSeconds / 60),
      },
      { status: 429, headers: { "Retry-After": String(waitSeconds) } },
    );
  }

  const login = await verifyLogin(prisma, email, password);
  if (!login.ok) {
    await recordFailedLogin(email, request);
    const message = login.reason === "disabled" ? "errors.accountDisabled" : "errors.invalidCredentials";
    return data(
      { result: submission.reply({ formErrors: [message], hideFields: ["password"] }), retryAfterMinutes: 0 },
      { status: 400 },
    );
  }

  await clearFailedLogins(email, request);
  const [sessionCookie, cartCookie] = await Promise.all([
    startSession(request, login.user.id),
    adoptGuestCart(request, login.user.id),
  ]);
  const headers = new Headers({ "Set-Cookie": sessionCookie });
  if (cartCookie) headers.append("Set-Cookie", cartCookie);
  return redirect(safeRedirect(redirectTo, "/"), { headers });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm<LoginForm>({
    id: "login",
    lastResult: actionData?.result,
    shouldRevalidate: "onBlur",
  });

  return (
    <section className="narrow">
      <h1>{t("auth.loginTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors
          id={form.errorId}
          errors={form.errors}
          values={{ minutes: actionData?.retryAfterMinutes ?? 0 }}
        />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label={t("auth.email")}
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", required: true }}
        />
        <Field
          label={t("auth.password")}
          errors={fields.password.errors}
          inputProps={{
            ...getInputProps(fields.password, { type: "password" }),
            autoComplete: "current-password",
            required: true,
          }}
        />
        <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
          {t("auth.loginButton")}
        </button>
      </Form>
      <p>
        {t("auth.noAccount")} <Link to="/daftar">{t("auth.signupButton")}</Link>
      </p>
      <p className="muted">{t("auth.sellerNote")}</p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth.loginTitle") }];

/** Lets the 429 answer's Retry-After header through to the client. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const ErrorBoundary = RouteErrorBoundary;

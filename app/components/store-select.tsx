/** The "which store" field of a seller who belongs to several stores (a family's and a KUBE group's). */
export function StoreSelect({
  id,
  name,
  label,
  stores,
  value,
}: {
  id: string;
  name: string;
  label: string;
  stores: { id: string; name: string }[];
  value: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {stores.map((store) => (
          <option key={store.id} value={store.id}>
            {store.name}
          </option>
        ))}
      </select>
    </div>
  );
}

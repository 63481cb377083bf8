/**
 * A role and, for a shop-scoped role, the customers it acts for (core's `roleCustomersProblem`:
 * a shop role needs at least one, every other role sees every customer). Used where the site
 * admin gives a role: a new account (Admin → Brugere) and a script's API token.
 */
import type { UserGroup } from '@tracershop/core';
import { isShopScoped } from '@tracershop/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../productionApi';
import { SelectField } from './SelectField';

type Customer = Catalog['customers'][number];

/** The working roles by their names on the users page (never anonymous). */
type WorkingGroup = Exclude<UserGroup, 0>;
export const roleKey = (group: UserGroup) =>
  `admin.userTable.roles.${group as WorkingGroup}` as const;

export interface RoleCustomersFieldsProps {
  roleLabel: string;
  customersLabel: string;
  /** What a role that sees every customer says instead of the customer choice. */
  everyCustomer: string;
  roles: readonly UserGroup[];
  userGroup: UserGroup | undefined;
  onRoleChange(group: UserGroup): void;
  customers: readonly Customer[];
  customerIds: readonly number[];
  onCustomersChange(ids: number[]): void;
  /** The customers' problem, shown under the choice. */
  error?: string | undefined;
}

export function RoleCustomersFields({
  roleLabel,
  customersLabel,
  everyCustomer,
  roles,
  userGroup,
  onRoleChange,
  customers,
  customerIds,
  onCustomersChange,
  error,
}: RoleCustomersFieldsProps) {
  const { t } = useTranslation('app');
  const errorId = useId();
  const scoped = userGroup !== undefined && isShopScoped(userGroup);
  return (
    <>
      <SelectField
        label={roleLabel}
        value={userGroup === undefined ? '' : String(userGroup)}
        onChange={(value) => onRoleChange(Number(value) as UserGroup)}
        options={roles.map((group) => ({ value: String(group), label: t(roleKey(group)) }))}
      />
      {scoped ? (
        <fieldset
          className="setup-catalog__choices"
          aria-invalid={error !== undefined}
          aria-describedby={error === undefined ? undefined : errorId}
        >
          <legend>{customersLabel}</legend>
          {customers.map((customer) => (
            <label key={customer.id}>
              <input
                type="checkbox"
                checked={customerIds.includes(customer.id)}
                onChange={(event) =>
                  onCustomersChange(
                    event.target.checked
                      ? [...customerIds, customer.id]
                      : customerIds.filter((id) => id !== customer.id),
                  )
                }
              />
              {customer.shortName}
            </label>
          ))}
          {error === undefined ? null : (
            <span id={errorId} className="setup-catalog__error">
              {error}
            </span>
          )}
        </fieldset>
      ) : (
        <p className="setup-catalog__hint">{everyCustomer}</p>
      )}
    </>
  );
}

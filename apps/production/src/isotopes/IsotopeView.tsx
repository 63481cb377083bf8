/** Isotope table — being built. */
export function IsotopeView({ date, isotopeId }: { date: string; isotopeId: number }) {
  return (
    <h2>
      Isotope {isotopeId} {date}
    </h2>
  );
}
